using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Needling.Aftercare.Data;
using Needling.Aftercare.Domain;
using Needling.Aftercare.FollowUps;
using Needling.Aftercare.Links;
using Needling.Aftercare.Sheets;
using Needling.Aftercare.Texts;
using Needling.Contracts.Booking;
using Needling.Contracts.Clinic;
using Needling.Contracts.Consent;
using Needling.Contracts.Patients;
using Needling.SharedKernel.Audit;

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
    AftercareDbContext db, IMediator mediator, IMailTransport transport, SheetLinks links, FollowUpLinks followUpLinks, IOptions<MailOptions> options, TimeProvider clock,
    BulkWriteAudit audit, ILogger<DeliverySender> log)
{
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
                .SetProperty(d => d.ClaimedUntilUtc, now.AddSeconds(options.Value.ClaimSeconds))
                .SetProperty(d => d.Attempts, d => d.Attempts + 1), ct) == 1;

    private async Task<bool> SendOneAsync(Guid id, CancellationToken ct)
    {
        var delivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == id, ct);
        try
        {
            var message = await ComposeAsync(delivery, ct);
            if (message is null)
            {
                await FinishAsync(delivery, DeliveryStatus.Cancelled, null, ct);
                return false;
            }
            await transport.SendAsync(message, ct);
            await FinishAsync(delivery, DeliveryStatus.Sent, null, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Back off 1, 2, 4 ... minutes, at most an hour; the error's type only (a server's answer may quote the address).
            var retryAt = clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, delivery.Attempts)));
            await audit.ExecuteAsync(db, "updated", nameof(Delivery), id, delivery.PatientId, "Status,DueAtUtc,ClaimedUntilUtc,LastError", token =>
                db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Status, DeliveryStatus.Pending)
                    .SetProperty(d => d.DueAtUtc, retryAt)
                    .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null)
                    .SetProperty(d => d.LastError, ex.GetType().FullName), token), ct);
            log.LogWarning("Delivery {DeliveryId} ({Kind}) failed, attempt {Attempt}: {Error}; retry at {RetryAt:O}", id, delivery.Kind, delivery.Attempts, ex.GetType().Name, retryAt);
            return false;
        }
    }

    /// <summary>The outcome is audited (a message to the patient went out, or will not); the claim before it is only a lease.</summary>
    private Task FinishAsync(Delivery delivery, string status, string? error, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return audit.ExecuteAsync(db, "updated", nameof(Delivery), delivery.Id, delivery.PatientId, "Status,SentAtUtc,ClaimedUntilUtc,LastError", token =>
            db.Deliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, status)
                .SetProperty(d => d.SentAtUtc, status == DeliveryStatus.Sent ? now : null)
                .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null)
                .SetProperty(d => d.LastError, error), token), ct);
    }

    private async Task<MimeMessage?> ComposeAsync(Delivery d, CancellationToken ct)
    {
        // Queued before an erasure (by a fact that was still on its way when the erasure cancelled what was pending, or
        // while the erasure ran and the address was still on record): cancelled, never sent.
        if (await mediator.Send(new IsPatientErased(d.PatientId, d.CreatedAtUtc), ct))
        {
            return null;
        }
        var patient = await mediator.Send(new GetPatientSummary(d.PatientId), ct);
        if (patient is null || string.IsNullOrWhiteSpace(patient.Email))
        {
            return null;
        }
        var clinic = await mediator.Send(new GetClinicProfile(), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var o = options.Value;
        string LocalDate(DateTime utc, AftercareText t) => t.Date(clinic.LocalDate(utc));
        MimeMessage Message(AftercareText t, string subject, string body, (string Name, byte[] Pdf)? attachment = null)
        {
            var message = new MimeMessage { MessageId = d.MessageId, Subject = subject };
            message.From.Add(new MailboxAddress(string.IsNullOrEmpty(o.FromName) ? clinic.Name : o.FromName, o.FromAddress));
            message.To.Add(new MailboxAddress(patient.NameIn(t.Language), patient.Email));
            var builder = new BodyBuilder { TextBody = body };
            if (attachment is { } a)
            {
                builder.Attachments.Add(a.Name, a.Pdf, new ContentType("application", "pdf"));
            }
            message.Body = builder.ToMessageBody();
            return message;
        }

        if (d.Kind == DeliveryKind.ConsentLink)
        {
            // Made now, so it expires from the moment it is sent; null once the request was signed or cancelled.
            var signing = await mediator.Send(new GetSigningLink(d.SubjectId), ct);
            if (signing is null)
            {
                return null;
            }
            var t = AftercareText.For(patient.PreferredLanguage);
            (string, string)[] values = [("name", patient.GivenName), ("clinic", clinic.Name),
                ("link", $"{o.PublicBaseUrl.TrimEnd('/')}{signing.Path}"), ("expires", LocalDate(signing.ExpiresAtUtc, t))];
            var body = AftercareText.Fill(t.ConsentLink.Body, values);
            // Consent serves English where the form has no text in the patient's language; the message says so first.
            return Message(t, AftercareText.Fill(t.ConsentLink.Subject, values), signing.FormInPatientLanguage ? body : $"{t.ConsentLink.NotTranslated}\n\n{body}");
        }

        if (d.Kind == DeliveryKind.Reminder)
        {
            // Re-checked now: a reminder for an appointment cancelled or moved since is not sent.
            var appointment = await mediator.Send(new GetAppointment(d.SubjectId), ct);
            if (appointment is null || appointment.Status != "booked" || appointment.StartUtc <= now
                || !d.Key.EndsWith(appointment.StartUtc.ToString("yyyyMMddTHHmm", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            {
                return null;
            }
            var t = AftercareText.For(patient.PreferredLanguage);
            var local = clinic.LocalTime(appointment.StartUtc);
            (string, string)[] values = [("name", patient.GivenName), ("clinic", clinic.Name), ("date", t.Date(DateOnly.FromDateTime(local))),
                ("time", local.ToString("t", t.CultureInfo)), ("phone", clinic.Phone ?? "")];
            return Message(t, AftercareText.Fill(t.Reminder.Subject, values), AftercareText.Fill(t.Reminder.Body, values));
        }

        if (d.Kind == DeliveryKind.FollowUp)
        {
            var followUp = await db.FollowUps.AsNoTracking().SingleOrDefaultAsync(f => f.Id == d.SubjectId, ct);
            if (followUp is null || followUp.AnsweredAtUtc is not null)
            {
                return null;
            }
            var t = AftercareText.For(followUp.Language);
            var link = $"{o.PublicBaseUrl.TrimEnd('/')}/aftercare/follow-up/{followUpLinks.Create(followUp.Id, now + FollowUpLinks.Lifetime)}";
            return Message(t, AftercareText.Fill(t.FollowUp.Subject, ("clinic", clinic.Name)),
                AftercareText.Fill(t.FollowUp.Body, ("name", patient.GivenName), ("clinic", clinic.Name), ("days", followUp.Day.ToString(t.CultureInfo)), ("link", link)));
        }

        var sheet = await db.Sheets.AsNoTracking().SingleOrDefaultAsync(s => s.SessionId == d.SubjectId, ct);
        if (sheet is null)
        {
            return null;
        }
        var text = AftercareText.For(sheet.Language);
        var expires = now.AddDays(o.LinkLifetimeDays);
        var sheetLink = $"{o.PublicBaseUrl.TrimEnd('/')}/aftercare/{links.Create(sheet.Id, expires)}";
        return Message(text, AftercareText.Fill(text.Email.Subject, ("clinic", clinic.Name)),
            AftercareText.Fill(text.Email.Body, ("name", patient.GivenName), ("clinic", clinic.Name), ("link", sheetLink), ("expires", LocalDate(expires, text))),
            ($"aftercare-{clinic.LocalDate(sheet.PerformedAtUtc):yyyy-MM-dd}.pdf", sheet.Pdf));
    }
}
