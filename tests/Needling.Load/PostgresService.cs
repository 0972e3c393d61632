using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Needling.Load;

/// <summary>
/// The built service on PostgreSQL: <c>dotnet Needling.Api.dll [verb] --Database:Provider=PostgreSql
/// --Database:ConnectionString=... --Database:DataFolder=DIR --Auth:SigningKey=... --Auth:SignInAttemptsPerMinute=100000</c>
/// in the Production environment, from the build output folder. Tracked like <see cref="ServerProcess"/>, so that
/// Ctrl-C, SIGTERM or an exception never leaves one running (<see cref="KillAll"/>).
/// </summary>
internal sealed class PostgresService : IAsyncDisposable
{
    /// <summary>A fixed signing key (base64 of 40 bytes), so tokens do not depend on a generated key file.</summary>
    public static readonly string SigningKey = Convert.ToBase64String("needling-load-booking-bench-signing-key!"u8.ToArray());

    private static readonly ConcurrentDictionary<int, Process> Live = new();
    private const int KeptLogLines = 300;

    private readonly Process process;
    private readonly ConcurrentQueue<string> log = new();
    private readonly ConcurrentQueue<string> errors = new();
    private readonly ConcurrentQueue<string>? everyLine;
    private readonly bool echo;
    private int errorLines;
    private int followLines;

    private PostgresService(Process process, Uri baseAddress, bool echo, bool keepEveryLine)
    {
        this.process = process;
        BaseAddress = baseAddress;
        this.echo = echo;
        everyLine = keepEveryLine ? new ConcurrentQueue<string>() : null;
    }

    public Uri BaseAddress { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ErrorLines => Volatile.Read(ref errorLines);

    public IReadOnlyCollection<string> Errors => errors.ToArray();

    public string LogTail => string.Join(Environment.NewLine, log);

    /// <summary>Every line the service wrote so far and not yet taken (only when started with keepEveryLine).</summary>
    public List<string> TakeLines()
    {
        var lines = new List<string>();
        while (everyLine is not null && everyLine.TryDequeue(out var line))
        {
            lines.Add(line);
        }
        return lines;
    }

    public static string[] DatabaseArgs(string connectionString, string dataFolder) =>
    [
        "--Database:Provider=PostgreSql", $"--Database:ConnectionString={connectionString}", $"--Database:DataFolder={dataFolder}",
        $"--Auth:SigningKey={SigningKey}", "--Auth:SignInAttemptsPerMinute=100000",
    ];

    /// <summary>
    /// Starts the service. <paramref name="extraEnvironment"/> adds settings as environment variables (e.g. a log level);
    /// with <paramref name="keepEveryLine"/> every output line is kept for <see cref="TakeLines"/>.
    /// </summary>
    public static PostgresService Start(string apiDll, string connectionString, string dataFolder, bool echo,
        IReadOnlyDictionary<string, string>? extraEnvironment = null, bool keepEveryLine = false)
    {
        var port = FreePort();
        var info = Info(apiDll, ["--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", .. DatabaseArgs(connectionString, dataFolder)]);
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info };
        process.Start();
        Live[process.Id] = process;
        var server = new PostgresService(process, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), echo, keepEveryLine);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Runs one of the service's commands to its end (e.g. <c>create-admin --username admin</c>); throws unless it exits 0.</summary>
    public static async Task<string> RunCommandAsync(string apiDll, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var info = Info(apiDll, args);
        info.RedirectStandardInput = true;
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
        Live[process.Id] = process;
        try
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            var output = (await stdout) + (await stderr);
            return process.ExitCode == 0
                ? output
                : throw new InvalidOperationException($"`dotnet Needling.Api.dll {args[0]}` exited with {process.ExitCode}:{Environment.NewLine}{output}");
        }
        finally
        {
            Kill(process);
            Live.TryRemove(process.Id, out _);
        }
    }

    private static ProcessStartInfo Info(string apiDll, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            // The build output folder holds appsettings.json; a deployment runs from its own folder too.
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(apiDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        return info;
    }

    /// <summary>Polls GET /health/ready every 50 ms until it answers 200.</summary>
    public async Task<TimeSpan> WaitReadyAsync(HttpClient poll, TimeSpan timeout, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
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
                    return Stopwatch.GetElapsedTime(started);
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
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"The service was not ready within {timeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{LogTail}");
            }
            await Task.Delay(50, ct);
        }
    }

    /// <summary>Asks the service to stop (SIGTERM) and kills it if it is still there after 10 s.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
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
        }
        Kill(process);
        Live.TryRemove(process.Id, out _);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }

    /// <summary>Kills every service process this mode started and has not stopped yet.</summary>
    public static void KillAll()
    {
        foreach (var p in Live.Values)
        {
            Kill(p);
        }
    }

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
        everyLine?.Enqueue(line);
        log.Enqueue(line);
        while (log.Count > KeptLogLines && log.TryDequeue(out _))
        {
        }
        // The simple console format starts an entry with "fail:"; the JSON one has "LogLevel":"Error".
        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)
            || line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref errorLines);
            followLines = errors.Count < 200 ? 4 : 0;
            if (followLines > 0)
            {
                errors.Enqueue(line.Length > 2000 ? line[..2000] + "…" : line);
            }
        }
        else if (followLines > 0)
        {
            followLines--;
            errors.Enqueue("    " + line);
        }
        if (echo)
        {
            Console.WriteLine($"    server {line}");
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
