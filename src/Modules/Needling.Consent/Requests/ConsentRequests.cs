using Microsoft.EntityFrameworkCore;
using Needling.Consent.Data;
using Needling.Consent.Domain;
using Needling.Contracts.Consent;
using Needling.SharedKernel.Outbox;

namespace Needling.Consent.Requests;

internal static class ConsentRequests
{
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
}

internal sealed record ConsentRequestDto(Guid Id, Guid PatientId, string TreatmentCode, Guid? AppointmentId, string Status, Guid? SignedConsentId, DateTime CreatedAtUtc)
{
    public static ConsentRequestDto From(ConsentRequest r) => new(r.Id, r.PatientId, r.TreatmentCode, r.AppointmentId, r.Status, r.SignedConsentId, r.CreatedAtUtc);
}
