using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Needling.Aftercare.Data;
using Needling.Aftercare.Domain;
using Needling.Aftercare.Links;
using Needling.Aftercare.Sheets;
using Needling.Aftercare.Texts;
using Needling.Contracts.Clinic;
using Needling.Contracts.Patients;

namespace Needling.Aftercare.Mail;

/// <summary>
/// Sends what is due. Each message is claimed first (pending → sending, with a claim that expires), in one
/// conditional update, so two instances never send the same row at once and a sender that died leaves it to
/// be taken again. Only after the server accepted the message is it marked sent.
///
/// The one moment this cannot close: the server accepted the message (end of DATA) and the process died before
/// the row was marked sent. The claim then expires and the message is sent once more: the patient receives the
/// same e-mail twice, with the same subject, the same attached sheet and the same Message-ID (which many mail
/// programs use to fold the two into one). Never a different sheet, never more than that one duplicate per crash.
/// </summary>
internal sealed class DeliverySender(
    AftercareDbContext db, IMediator mediator, IMailTransport transport, SheetLinks links, IOptions<MailOptions> options, TimeProvider clock,
    ILogger<DeliverySender> log)
{
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(5);
    private const int BatchSize = 20;

    /// <summary>Sends the messages due now; returns how many it sent. Public for tests and the job that calls it.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Deliveries.AsNoTracking()
            .Where(d => (d.Status == DeliveryStatus.Pending && d.DueAtUtc <= now) || (d.Status == DeliveryStatus.Sending && d.ClaimedUntilUtc < now))
            .OrderBy(d => d.DueAtUtc).Select(d => d.Id).Take(BatchSize).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            if (await TryClaimAsync(id, now, ct) && await SendOneAsync(id, ct))
            {
                sent++;
            }
        }
        return sent;
    }

    private async Task<bool> TryClaimAsync(Guid id, DateTime now, CancellationToken ct) =>
        await db.Deliveries
            .Where(d => d.Id == id && ((d.Status == DeliveryStatus.Pending && d.DueAtUtc <= now) || (d.Status == DeliveryStatus.Sending && d.ClaimedUntilUtc < now)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatus.Sending)
                .SetProperty(d => d.ClaimedUntilUtc, now + Claim)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1), ct) == 1;

    private async Task<bool> SendOneAsync(Guid id, CancellationToken ct)
    {
        var delivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == id, ct);
        try
        {
            var message = await ComposeAsync(delivery, ct);
            if (message is null)
            {
                await FinishAsync(id, DeliveryStatus.Cancelled, null, ct);
                return false;
            }
            await transport.SendAsync(message, ct);
            await FinishAsync(id, DeliveryStatus.Sent, null, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Back off 1, 2, 4 ... minutes, at most an hour; the error's type only (a server's answer may quote the address).
            var retryAt = clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, delivery.Attempts)));
            await db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatus.Pending)
                .SetProperty(d => d.DueAtUtc, retryAt)
                .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null)
                .SetProperty(d => d.LastError, ex.GetType().FullName), ct);
            log.LogWarning("Delivery {DeliveryId} ({Kind}) failed, attempt {Attempt}: {Error}; retry at {RetryAt:O}", id, delivery.Kind, delivery.Attempts, ex.GetType().Name, retryAt);
            return false;
        }
    }

    private Task FinishAsync(Guid id, string status, string? error, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, status)
            .SetProperty(d => d.SentAtUtc, status == DeliveryStatus.Sent ? now : null)
            .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null)
            .SetProperty(d => d.LastError, error), ct);
    }

    private async Task<MimeMessage?> ComposeAsync(Delivery d, CancellationToken ct)
    {
        var sheet = await db.Sheets.AsNoTracking().SingleOrDefaultAsync(s => s.SessionId == d.SubjectId, ct);
        var patient = await mediator.Send(new GetPatientSummary(d.PatientId), ct);
        if (sheet is null || patient is null || string.IsNullOrWhiteSpace(patient.Email))
        {
            return null;
        }
        var clinic = await mediator.Send(new GetClinicProfile(), ct);
        var text = AftercareText.For(sheet.Language);
        var o = options.Value;
        var expires = clock.GetUtcNow().UtcDateTime.AddDays(o.LinkLifetimeDays);
        var link = $"{o.PublicBaseUrl.TrimEnd('/')}/aftercare/{links.Create(sheet.Id, expires)}";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(clinic.TimeZoneId);
        var message = new MimeMessage { MessageId = d.MessageId, Subject = AftercareText.Fill(text.Email.Subject, ("clinic", clinic.Name)) };
        message.From.Add(new MailboxAddress(string.IsNullOrEmpty(o.FromName) ? clinic.Name : o.FromName, o.FromAddress));
        message.To.Add(new MailboxAddress(PatientNames.Display(patient, text.Language), patient.Email));
        var body = new BodyBuilder
        {
            TextBody = AftercareText.Fill(text.Email.Body, ("name", patient.GivenName), ("clinic", clinic.Name), ("link", link),
                ("expires", text.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(expires, zone))))),
        };
        body.Attachments.Add($"aftercare-{sheet.PerformedAtUtc:yyyy-MM-dd}.pdf", sheet.Pdf, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        return message;
    }
}
