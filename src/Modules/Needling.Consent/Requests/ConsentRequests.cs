using Microsoft.EntityFrameworkCore;
using Needling.Consent.Data;
using Needling.Consent.Domain;
using Needling.Contracts.Consent;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Outbox;

namespace Needling.Consent.Requests;

internal static class ConsentRequests
{
    // The first key of a two-int advisory lock on PostgreSQL, "NC" (Needling Consent); Booking's patient lock is "NB".
    private const int LockSpace = 0x4E43;

    /// <summary>
    /// Makes the facts about one patient's appointments take turns in Consent: a booking's handler and a cancellation's
    /// handler that ran side by side could each see the other's request as it was before, and leave the patient with
    /// no open request although an appointment needs one. Taken inside the inbox's transaction, first.
    /// </summary>
    public static Task LockPatientAsync(ConsentDbContext db, Guid patientId, CancellationToken ct) =>
        TransactionLock.TakeAsync(db, LockSpace, "consent.patient", patientId, ct);

    /// <summary>The patient's open request for the treatment, or a new one: never two open at once.</summary>
    public static async Task<(ConsentRequest Request, bool Created)> OpenAsync(
        ConsentDbContext db, Guid patientId, string treatmentCode, Guid? appointmentId, DateTime now, CancellationToken ct)
    {
        var open = await db.Requests.FirstOrDefaultAsync(r => r.PatientId == patientId && r.TreatmentCode == treatmentCode && r.Status == ConsentRequestStatus.Open, ct);
        if (open is not null)
        {
            return (open, false);
        }
        var request = new ConsentRequest { PatientId = patientId, TreatmentCode = treatmentCode, AppointmentId = appointmentId, CreatedAtUtc = now };
        db.Requests.Add(request);
        // Aftercare e-mails the patient their signing link (when they have an address), from this fact.
        db.Enqueue(new ConsentRequested(request.Id, patientId, treatmentCode, appointmentId), now);
        await db.SaveChangesAsync(ct);
        return (request, true);
    }

    /// <summary>The patient's next booked appointment of the treatment that has not started yet, as Consent heard of it.</summary>
    public static Task<UpcomingAppointment?> NextAppointmentAsync(ConsentDbContext db, Guid patientId, string treatmentCode, DateTime now, CancellationToken ct) =>
        db.Upcoming.Where(a => a.PatientId == patientId && a.TreatmentCode == treatmentCode && a.StartUtc > now)
            .OrderBy(a => a.StartUtc).FirstOrDefaultAsync(ct);

    /// <summary>A consent stopped covering the patient (withdrawn): ask again for the next booked appointment, if there is one.</summary>
    public static async Task ReopenForNextAppointmentAsync(ConsentDbContext db, Guid patientId, string treatmentCode, DateTime now, CancellationToken ct)
    {
        if (await NextAppointmentAsync(db, patientId, treatmentCode, now, ct) is { } next)
        {
            await OpenAsync(db, patientId, treatmentCode, next.AppointmentId, now, ct);
        }
    }

    /// <summary>
    /// A version requiring re-consent was published: every patient with a booked appointment of the treatment whose
    /// newest consent was signed on an earlier version is asked again, for their next appointment.
    /// </summary>
    public static async Task ReopenSupersededAsync(ConsentDbContext db, string treatmentCode, int version, DateTime now, CancellationToken ct)
    {
        var upcoming = await db.Upcoming.AsNoTracking().Where(a => a.TreatmentCode == treatmentCode && a.StartUtc > now).ToListAsync(ct);
        foreach (var next in upcoming.GroupBy(a => a.PatientId).Select(g => g.MinBy(a => a.StartUtc)!))
        {
            var latest = await db.Signed.AsNoTracking().Where(s => s.PatientId == next.PatientId && s.TreatmentCode == treatmentCode)
                .OrderByDescending(s => s.SignedAtUtc).Select(s => new { s.TemplateVersion, s.WithdrawnAtUtc }).FirstOrDefaultAsync(ct);
            if (latest is not null && latest.WithdrawnAtUtc is null && latest.TemplateVersion < version)
            {
                await OpenAsync(db, next.PatientId, treatmentCode, next.AppointmentId, now, ct);
            }
        }
    }
}

internal sealed record ConsentRequestDto(
    Guid Id, Guid PatientId, string TreatmentCode, Guid? AppointmentId, string Status, Guid? SignedConsentId, DateTime CreatedAtUtc,
    string? Language = null, string? FormLanguage = null, string? LanguageNotice = null)
{
    public static ConsentRequestDto From(ConsentRequest r) => new(r.Id, r.PatientId, r.TreatmentCode, r.AppointmentId, r.Status, r.SignedConsentId, r.CreatedAtUtc);
}
