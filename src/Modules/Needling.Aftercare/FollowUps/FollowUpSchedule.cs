using Microsoft.Extensions.Options;
using Needling.Aftercare.Data;
using Needling.Aftercare.Domain;
using Needling.Aftercare.Mail;
using Needling.Contracts.Clinic;

namespace Needling.Aftercare.FollowUps;

/// <summary>
/// The check-ins a signed session promises the patient, written as rows (with their deliveries) in the same
/// transaction as the sheet: the promise lives in our tables, not in a job queue. Each is due at the clinic's
/// sending time, N local days after the session, in the clinic's time zone.
/// </summary>
internal sealed class FollowUpSchedule(AftercareDbContext db, DeliveryQueue queue, IOptions<AftercareOptions> options)
{
    public void Add(Guid sessionId, Guid patientId, Guid practitionerId, string treatmentCode, string language, DateTime performedAtUtc,
        ClinicProfile clinic, bool hasAddress, DateTime nowUtc)
    {
        var zone = clinic.Zone;
        var sessionDay = clinic.LocalDate(performedAtUtc);
        foreach (var day in options.Value.DaysFor(treatmentCode).Distinct().Order())
        {
            var local = sessionDay.AddDays(day).ToDateTime(options.Value.SendAt, DateTimeKind.Unspecified);
            var due = TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(local) ? local.AddHours(1) : local, zone);
            var followUp = new FollowUp
            {
                SessionId = sessionId, PatientId = patientId, PractitionerId = practitionerId, TreatmentCode = treatmentCode, Language = language,
                Day = day, PerformedAtUtc = performedAtUtc, DueAtUtc = due,
            };
            db.FollowUps.Add(followUp);
            queue.Add(DeliveryKind.FollowUp, followUp.Id, patientId, due, hasAddress, nowUtc);
        }
    }
}
