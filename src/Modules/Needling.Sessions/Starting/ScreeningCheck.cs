using MediatR;
using Needling.Contracts.Clinic;
using Needling.Contracts.Patients;
using Needling.SharedKernel.Errors;

namespace Needling.Sessions.Starting;

/// <summary>
/// The screening answers must be reconfirmed on the day of the session, by the patient or the practitioner with
/// them (POST /patients/{id}/screening/confirm), and reviewed first when they are older than the clinic's limit
/// (Screening:ReviewDays): a contraindication that began last week is what today's check is for.
/// </summary>
internal static class ScreeningCheck
{
    public static async Task<PatientScreening> EnsureConfirmedTodayAsync(IMediator mediator, Guid patientId, DateTime now, ClinicProfile clinic, CancellationToken ct)
    {
        var screening = await mediator.Send(new GetPatientScreening(patientId), ct) ?? throw new NotFoundException("Patient", patientId);
        if (screening.ReviewDue)
        {
            throw new RuleViolationException("screening.review-due",
                "The screening answers are older than the clinic's limit: a practitioner reviews them with the patient first (POST /patients/{id}/screening/confirm with reviewed: true).");
        }
        if (screening.LastConfirmation is not { } confirmed || clinic.LocalDate(confirmed.ConfirmedAtUtc) != clinic.LocalDate(now))
        {
            throw new RuleViolationException("session.screening-not-confirmed",
                "The patient's screening answers have not been reconfirmed today: go through them with the patient (POST /patients/{id}/screening/confirm).");
        }
        return screening;
    }
}
