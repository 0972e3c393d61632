namespace Needling.Aftercare.Mail;

/// <summary>Settings under "Mail". With no SMTP host, messages are written as .eml files into the data folder's mail/.</summary>
internal sealed class MailOptions
{
    public const string Section = "Mail";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    /// <summary>Auto, None, StartTls, SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "clinic@localhost";
    public string FromName { get; set; } = "";
    /// <summary>The service's address as patients reach it, for links in messages (e.g. https://clinic.example).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
    /// <summary>
    /// How long a sender's claim on a message holds. A sender that died mid-conversation leaves the message to be
    /// taken again after this; it must exceed the longest SMTP conversation (MailKit's timeout is 30 s).
    /// </summary>
    public int ClaimSeconds { get; set; } = 300;

    /// <summary>
    /// How long after a consent request opens its signing link is e-mailed. A request the desk opens and the patient
    /// signs on the tablet there and then is signed by the time this passes, and the patient gets no needless e-mail
    /// (the link is checked when the message is composed); one opened for a booking days ahead loses nothing.
    /// </summary>
    public int ConsentLinkDelayMinutes { get; set; } = 15;

    /// <summary>How long a sheet's download link works.</summary>
    public int LinkLifetimeDays { get; set; } = 30;
}
