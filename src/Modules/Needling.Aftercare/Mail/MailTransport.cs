using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Needling.SharedKernel.Data;

namespace Needling.Aftercare.Mail;

/// <summary>Hands one message to the mail server, or, with none configured, to a folder.</summary>
internal interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>SMTP through MailKit: host, port, TLS and credentials from configuration.</summary>
internal sealed class SmtpTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(o.SmtpHost ?? throw new InvalidOperationException("Mail:SmtpHost is not set."), o.SmtpPort, Enum.Parse<SecureSocketOptions>(o.Security, ignoreCase: true), ct);
        if (!string.IsNullOrEmpty(o.Username))
        {
            await client.AuthenticateAsync(o.Username, o.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>
/// The embedded default with no SMTP server: each message becomes an .eml file (open it in any mail program) in
/// the data folder's mail/ folder. The log says where, by file name only (the name holds no patient data).
/// </summary>
internal sealed class FolderTransport(IOptions<DatabaseOptions> database, ILogger<FolderTransport> log) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var folder = Path.GetFullPath(Path.Combine(database.Value.DataFolder, "mail"));
        Directory.CreateDirectory(folder);
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml";
        var path = Path.Combine(folder, name);
        // A message names the patient: like every file in the data folder, the service user's alone (0600).
        await using (var file = OperatingSystem.IsWindows()
            ? File.Create(path + ".partial")
            : new FileStream(path + ".partial", new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
        {
            await message.WriteToAsync(file, ct);
        }
        File.Move(path + ".partial", path, overwrite: true);
        log.LogInformation("No SMTP server configured (Mail:SmtpHost): message written to {Folder}/{File}", folder, name);
    }
}
