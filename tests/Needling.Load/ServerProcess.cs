using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Needling.Load;

/// <summary>
/// One run of the service: <c>dotnet Needling.Api.dll --urls http://127.0.0.1:PORT --Database:DataFolder=DIR
/// --Needling:Demo=true</c> in the Production environment. Every started server is tracked, so that Ctrl-C,
/// SIGTERM or an exception never leaves one running (<see cref="KillAll"/>).
/// </summary>
internal sealed record MemorySample(long Rss, long Hwm, long RssAnon, long RssFile, long RssShmem, int Threads, int SqliteConnections)
{
    private const double Mb = 1024 * 1024;

    public double RssMb => Rss / Mb;

    /// <summary>Anonymous is mostly the GC heap and native allocations; file-backed is mapped assemblies and libraries;
    /// shared is mostly the runtime's double-mapped executable memory (JIT-compiled code, W^X) and SQLite's -shm file.</summary>
    public string Details =>
        $"anonymous {RssAnon / Mb:0} + file-backed {RssFile / Mb:0} + shared {RssShmem / Mb:0} MB; {Threads} threads, {SqliteConnections} SQLite connections";
}

internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Live = new();
    private const int KeptLogLines = 300;

    private readonly Process process;
    private readonly ConcurrentQueue<string> log = new();
    private readonly ConcurrentQueue<string> errors = new();
    private readonly bool echo;
    private int errorLines;
    private int followLines;

    private ServerProcess(Process process, Uri baseAddress, long startedAt, bool echo)
    {
        this.process = process;
        BaseAddress = baseAddress;
        StartedAt = startedAt;
        this.echo = echo;
    }

    public Uri BaseAddress { get; }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> taken just before the process was started.</summary>
    public long StartedAt { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Console lines the service logged at error level or above ("fail:" or "crit:").</summary>
    public int ErrorLines => Volatile.Read(ref errorLines);

    public IReadOnlyCollection<string> Errors => errors.ToArray();

    public string LogTail => string.Join(Environment.NewLine, log);

    public static ServerProcess Start(string apiDll, string dataFolder, bool echo)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            // The build output folder holds appsettings.json; a deployment runs from its own folder too.
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     apiDll, "--urls", $"http://127.0.0.1:{port}", $"--Database:DataFolder={dataFolder}", "--Needling:Demo=true",
                 })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("ASPNETCORE_HTTP_PORTS");

        var process = new Process { StartInfo = info };
        var startedAt = Stopwatch.GetTimestamp();
        process.Start();
        Live[process.Id] = process;
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"), startedAt, echo);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>
    /// Polls GET /health/ready every 10 ms until it answers 200; returns the time from process start.
    /// </summary>
    public async Task<TimeSpan> WaitReadyAsync(HttpClient poll, TimeSpan timeout, CancellationToken ct)
    {
        var ready = new Uri(BaseAddress, "health/ready");
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The service exited with code {process.ExitCode} before it was ready. Its output:{Environment.NewLine}{LogTail}");
            }
            try
            {
                using var response = await poll.GetAsync(ready, HttpCompletionOption.ResponseHeadersRead, ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return Stopwatch.GetElapsedTime(StartedAt);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // This poll timed out; poll again.
            }
            if (Stopwatch.GetElapsedTime(StartedAt) > timeout)
            {
                throw new TimeoutException($"The service was not ready within {timeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{LogTail}");
            }
            await Task.Delay(10, ct);
        }
    }

    /// <summary>
    /// The service's memory from /proc/PID/status (VmRSS = RssAnon + RssFile + RssShmem; VmHWM = peak VmRSS so far),
    /// its thread count, and how many SQLite connections it holds open (file handles on needling.db).
    /// </summary>
    public MemorySample ReadMemory()
    {
        var kb = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon] is "VmRSS" or "VmHWM" or "RssAnon" or "RssFile" or "RssShmem" or "Threads")
            {
                kb[line[..colon]] = long.Parse(line[(colon + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        var dbFiles = 0;
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{process.Id}/fd"))
            {
                if (new FileInfo(fd).LinkTarget?.EndsWith("needling.db", StringComparison.Ordinal) == true)
                {
                    dbFiles++;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A descriptor closed while we looked; the count is a sample anyway.
        }
        return new MemorySample(kb["VmRSS"] * 1024, kb["VmHWM"] * 1024, kb["RssAnon"] * 1024, kb["RssFile"] * 1024, kb["RssShmem"] * 1024, (int)kb["Threads"], dbFiles);
    }

    /// <summary>
    /// CPU time the service has used so far (user + system, from /proc/PID/stat), in ms. Unlike the wall-clock time
    /// it hardly depends on what else the machine is doing, so it tells a slow start from a busy machine.
    /// </summary>
    public double ReadCpuMs()
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        // Fields after "(comm)": state is field 3, utime field 14, stime field 15, in clock ticks (USER_HZ, 100 on Linux).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 10.0;
    }

    /// <summary>Asks the service to stop (SIGTERM, as systemd or docker stop would) and kills it if it is still there after 10 s.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            Forget();
            return;
        }
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill")
            {
                ArgumentList = { "-TERM", process.Id.ToString(CultureInfo.InvariantCulture) },
                UseShellExecute = false,
            });
            if (kill is not null)
            {
                await kill.WaitForExitAsync();
            }
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(grace.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine($"The service (pid {process.Id}) did not stop on SIGTERM within 10 s; killing it.");
        }
        Kill(process);
        Forget();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }

    /// <summary>Kills every service this program started and has not stopped yet.</summary>
    public static void KillAll()
    {
        foreach (var p in Live.Values)
        {
            Kill(p);
        }
    }

    private void Forget() => Live.TryRemove(process.Id, out _);

    private static void Kill(Process p)
    {
        try
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit(5000);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        var stamped = $"[+{Stopwatch.GetElapsedTime(StartedAt).TotalMilliseconds,6:0} ms] {line}";
        log.Enqueue(stamped);
        while (log.Count > KeptLogLines && log.TryDequeue(out _))
        {
        }
        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref errorLines);
            followLines = errors.Count < 200 ? 4 : 0; // the category line, then the message and the first lines of a stack
            if (followLines > 0)
            {
                errors.Enqueue(stamped);
            }
        }
        else if (followLines > 0)
        {
            followLines--;
            errors.Enqueue("    " + line);
        }
        if (echo)
        {
            Console.WriteLine($"    server {stamped}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
