using System.Diagnostics;
using System.Diagnostics.Metrics;
using MimeKit;

namespace Needling.Aftercare.Mail;

/// <summary>
/// A span and a count per message handed to the mail server (or the folder), for the clinic's monitoring. Only the
/// transport and the outcome are recorded: never an address, a subject or an exception message, which name patients.
/// </summary>
internal sealed class TracedTransport(IMailTransport inner, string transport) : IMailTransport
{
    public const string Name = "Needling.Mail";
    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Sent = Meter.CreateCounter<long>("needling.emails.sent", "{message}", "E-mails handed to the mail server or written to the mail folder, by outcome.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("needling.email.send.duration", "s", "Time to hand one e-mail over.");

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        using var activity = Source.StartActivity("email send", ActivityKind.Client);
        activity?.SetTag("needling.email.transport", transport);
        var started = Stopwatch.GetTimestamp();
        var outcome = "sent";
        try
        {
            await inner.SendAsync(message, ct);
        }
        catch (Exception e)
        {
            outcome = "failed";
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            var tags = new TagList { { "needling.email.transport", transport }, { "needling.outcome", outcome } };
            Sent.Add(1, tags);
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
