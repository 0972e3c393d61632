using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Needling.Load;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd (python3-aiosmtpd) with the handler in smtp_timestamps.py, which
/// notes the server's own clock when it accepts a message (end of DATA) and the message's Message-ID and recipients.
/// Nothing is stored but that line. Tracked, so that <see cref="StopAll"/> from a signal handler never leaves it running.
/// </summary>
internal sealed class SmtpReceiver : IDisposable
{
    private static readonly ConcurrentDictionary<int, SmtpReceiver> Live = new();
    private readonly Process process;
    private readonly string folder;

    /// <summary>One accepted message: when (Unix seconds, the server's clock), its Message-ID without brackets, its recipients.</summary>
    public sealed record Accepted(double UnixSeconds, string MessageId, string Recipients, long Bytes);

    private SmtpReceiver(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    private string LogFile => Path.Combine(folder, "accepted.tsv");

    public static async Task<SmtpReceiver> StartAsync(CancellationToken ct)
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var folder = Directory.CreateTempSubdirectory("needling-bench-smtp-").FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "smtp_timestamps.py"), Path.Combine(folder, "smtp_timestamps.py"));
        var port = ThrowAwayPostgres.FreePort();
        var info = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", "-c", "smtp_timestamps.Timestamps", Path.Combine(folder, "accepted.tsv") })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["PYTHONPATH"] = folder;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {python} -m aiosmtpd.");
        var receiver = new SmtpReceiver(process, folder, port);
        Live[process.Id] = receiver;
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 20;
        while (!Accepts(port))
        {
            if (process.HasExited || Stopwatch.GetTimestamp() > deadline)
            {
                receiver.Dispose();
                throw new InvalidOperationException("aiosmtpd did not start (apt-get install python3-aiosmtpd): " + (process.HasExited ? await stderr : "no answer in 20 s"));
            }
            await Task.Delay(50, ct);
        }
        return receiver;
    }

    /// <summary>Every message accepted so far (the last line may be half-written; it is skipped until complete).</summary>
    public List<Accepted> Read()
    {
        var found = new List<Accepted>();
        if (!File.Exists(LogFile))
        {
            return found;
        }
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        foreach (var line in text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split('\t');
            found.Add(new Accepted(double.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[2], long.Parse(f[3], CultureInfo.InvariantCulture)));
        }
        return found;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
        Live.TryRemove(process.Id, out _);
        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: it is under the temp folder.
        }
    }

    /// <summary>Stops every SMTP server this program started; for signal handlers.</summary>
    public static void StopAll()
    {
        foreach (var receiver in Live.Values)
        {
            receiver.Dispose();
        }
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
