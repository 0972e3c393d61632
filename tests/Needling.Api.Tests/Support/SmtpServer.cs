using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Needling.Api.Tests.Support;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd (python3-aiosmtpd, installed by tests/run.sh), storing every
/// message it accepts in a maildir that the test reads back with MimeKit. Never a mock.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private readonly Process _process;
    private readonly string _maildir;

    public int Port { get; }

    public SmtpServer()
    {
        Port = FreePort();
        _maildir = Directory.CreateTempSubdirectory("needling-smtp-").FullName;
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(_maildir, sub)); // Python's Maildir creates these only for a folder it creates itself
        }
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        _process = Process.Start(new ProcessStartInfo(python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Accepts())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("aiosmtpd did not start (apt-get install python3-aiosmtpd): " + _process.StandardError.ReadToEnd());
            }
            Thread.Sleep(50);
        }
    }

    /// <summary>Every message the server accepted so far.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(_maildir, "new");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).OrderBy(File.GetLastWriteTimeUtc).Select(f => MimeMessage.Load(f)).ToList()
            : [];
    }

    /// <summary>Waits until the server accepted a message matching <paramref name="match"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (Messages().FirstOrDefault(match) is { } found)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The SMTP server received no matching message.");
    }

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_maildir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The service with real SMTP delivery to a loopback aiosmtpd.</summary>
public abstract class MailAppFixture(Provider provider) : AppFixture(provider)
{
    public SmtpServer Smtp { get; } = new();

    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
        [("Mail:SmtpHost", "127.0.0.1"), ("Mail:SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Mail:Security", "None"),
         ("Mail:FromAddress", "care@harbour-clinic.test"), ("Mail:PublicBaseUrl", "https://clinic.example")];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteMailApp() : MailAppFixture(Provider.Sqlite);

public sealed class PostgresMailApp() : MailAppFixture(Provider.PostgreSql);

public sealed class SqlServerMailApp() : MailAppFixture(Provider.SqlServer), IRequiresSqlServer;
