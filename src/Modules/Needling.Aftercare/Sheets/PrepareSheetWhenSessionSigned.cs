using System.Security.Cryptography;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Aftercare.Data;
using Needling.Aftercare.Mail;
using Needling.Aftercare.Domain;
using Needling.Aftercare.FollowUps;
using Needling.Aftercare.Texts;
using Needling.Contracts.Clinic;
using Needling.Contracts.Patients;
using Needling.Contracts.Sessions;
using Needling.SharedKernel.Outbox;

namespace Needling.Aftercare.Sheets;

/// <summary>
/// A signed session gets its aftercare sheet: rendered once, in the patient's language, stored with its hash, and
/// queued for e-mail in the same transaction, with the day-2 and day-7 check-ins it promises. Delivered at least
/// once by Sessions' outbox: the inbox (and the sheet's unique index behind it) make a second delivery do nothing.
/// </summary>
internal sealed class PrepareSheetWhenSessionSigned(AftercareDbContext db, IMediator mediator, DeliveryQueue queue, FollowUpSchedule followUps, TimeProvider clock)
    : InboxConsumer<AftercareDbContext, SessionSigned>(db, clock)
{
    protected override async Task HandleOnceAsync(SessionSigned e, CancellationToken ct)
    {
        if (await Db.Sheets.AnyAsync(s => s.SessionId == e.SessionId, ct))
        {
            return;
        }
        // Erased since the session was signed: no sheet, message or check-in is made for them (the session itself is
        // Sessions' clinical record, kept or erased there).
        if (await mediator.Send(new IsPatientErased(e.PatientId, OccurredAtUtc), ct))
        {
            return;
        }
        var patient = await mediator.Send(new GetPatientSummary(e.PatientId), ct);
        if (patient is null)
        {
            return; // unknown; nothing to write to
        }
        var clinic = await mediator.Send(new GetClinicProfile(), ct);
        var text = AftercareText.For(patient.PreferredLanguage);
        var now = Clock.GetUtcNow().UtcDateTime;
        var pdf = AftercarePdf.Render(text, new AftercarePdf.Facts(
            clinic.Name, clinic.Phone, patient.NameIn(text.Language), e.TreatmentCode, e.Indication,
            clinic.LocalDate(e.PerformedAtUtc),
            e.Areas,
            e.AdverseEvents.Any(a => a.Type == "bruising"),
            e.HomeTopicals.Select(h => new AftercarePdf.Topical(h.Product, h.Strength, h.Frequency, h.Duration)).ToList(),
            e.NextEligibleOn, e.ThoraxNeedled,
            e.Products.Select(p => new AftercarePdf.Product(p.Product, p.Lot)).ToList(),
            now));
        var sheet = new AftercareSheet
        {
            SessionId = e.SessionId, AppointmentId = e.AppointmentId, PatientId = e.PatientId, PractitionerId = e.PractitionerId,
            TreatmentCode = e.TreatmentCode, Language = text.Language, PerformedAtUtc = e.PerformedAtUtc,
            Pdf = pdf, PdfSha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)), CreatedAtUtc = now,
        };
        Db.Sheets.Add(sheet);
        var hasAddress = !string.IsNullOrWhiteSpace(patient.Email);
        queue.Add(DeliveryKind.Sheet, sheet.SessionId, sheet.PatientId, now, hasAddress);
        followUps.Add(e.SessionId, e.PatientId, e.PractitionerId, e.TreatmentCode, text.Language, e.PerformedAtUtc, clinic, hasAddress, now);
        await Db.SaveChangesAsync(ct);
    }

    // After the commit, not before: woken earlier, the sender would not see the message and wait for its next poll.
    protected override void AfterCommit() => queue.Notify();
}
