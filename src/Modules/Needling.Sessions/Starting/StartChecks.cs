using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Contracts.Booking;
using Needling.Contracts.Clinic;
using Needling.Contracts.Consent;
using Needling.Contracts.Protocols;
using Needling.Sessions.Data;
using Needling.Sessions.Domain;
using Needling.Sessions.Overrides;
using Needling.SharedKernel.Errors;

namespace Needling.Sessions.Starting;

/// <summary>
/// Everything that must hold before a needle touches the patient, gathered once and asked in the order a
/// practitioner can act on: the appointment and who is treating, the day, the consent, the screening, and then
/// the clinical question (contraindications, the interval from signed sessions only, qualification), asked of the
/// rules engine once. Each refusal is 422 naming the rule.
/// </summary>
internal sealed class StartChecks(IMediator mediator, SessionsDbContext db)
{
    internal sealed record Passed(AppointmentInfo Appointment, Guid ConsentId, EligibilityResult Eligibility,
        IReadOnlyList<(EligibilityFinding Finding, string Reason)> Overrides);

    public async Task<Passed> RunAsync(StartSession.Request r, Guid practitionerId, DateTime now, CancellationToken ct)
    {
        var appointment = await mediator.Send(new GetAppointment(r.AppointmentId), ct) ?? throw new NotFoundException("Appointment", r.AppointmentId);
        if (await db.Sessions.AnyAsync(s => s.AppointmentId == appointment.Id, ct))
        {
            throw new ConflictException("A session was already started for this appointment; continue it instead.");
        }
        if (practitionerId != appointment.PractitionerId)
        {
            throw new RuleViolationException("session.not-booked-practitioner",
                "You are not the practitioner booked for this appointment. Reassign it first (POST /appointments/{id}/reassign, with a reason).");
        }
        if (appointment.Status != "arrived")
        {
            throw new RuleViolationException("session.not-checked-in", $"A session starts from a checked-in appointment; this one is {appointment.Status}.");
        }
        var clinic = await mediator.Send(new GetClinicProfile(), ct);
        if (clinic.LocalDate(now) != clinic.LocalDate(appointment.StartUtc))
        {
            throw new RuleViolationException("session.not-on-appointment-day",
                $"A session can only take place on the appointment's day ({clinic.LocalDate(appointment.StartUtc):yyyy-MM-dd} in the clinic's time zone).");
        }
        var consent = await mediator.Send(new GetConsentStatus(appointment.PatientId, appointment.TreatmentCode, now), ct);
        if (!consent.Valid)
        {
            throw new RuleViolationException("session.consent",
                $"There is no valid signed consent for {appointment.TreatmentCode}: it is {consent.State}. The patient signs the current form first.",
                new { consentState = consent.State, consentId = consent.ConsentId, templateVersion = consent.TemplateVersion });
        }
        var screening = await ScreeningCheck.EnsureConfirmedTodayAsync(mediator, appointment.PatientId, now, clinic, ct);
        var practitioner = await mediator.Send(new GetPractitioner(practitionerId), ct) ?? throw new NotFoundException("Practitioner", practitionerId);
        var treatment = await mediator.Send(new GetTreatment(appointment.TreatmentCode), ct) ?? throw new NotFoundException("Treatment", appointment.TreatmentCode);
        // The booked device again on the day: its maintenance may have fallen due since the booking.
        var device = appointment.DeviceId is Guid deviceId
            ? (await mediator.Send(new GetResources(), ct)).Devices.FirstOrDefault(d => d.Id == deviceId)
            : null;
        var eligibility = await mediator.Send(new DecideEligibility(
            screening, practitioner, treatment, appointment.Indication, now, clinic, await SignedHistoryAsync(appointment.PatientId, ct), r.Areas,
            device), ct);
        var overrides = OverrideCheck.Apply("The session cannot start", eligibility.RuleSetVersion, eligibility.Findings, r.Overrides);
        return new Passed(appointment, consent.ConsentId!.Value, eligibility, overrides);
    }

    // Only signed sessions count for the interval at the moment of treatment: a booking still to come has not
    // touched the skin, and an unsigned session has no record to rely on.
    // With the areas each session planned: the interval counts needling of the same area (pen and roller alike).
    private async Task<IReadOnlyList<TreatmentHistoryItem>> SignedHistoryAsync(Guid patientId, CancellationToken ct) =>
        (await db.Sessions.AsNoTracking()
            .Where(s => s.PatientId == patientId && s.Status == SessionStatus.Signed)
            .Select(s => new { s.StartedAtUtc, s.TreatmentCode, s.Indication, s.PlannedAreasJson })
            .ToListAsync(ct))
            .Select(s => new TreatmentHistoryItem(s.StartedAtUtc, s.TreatmentCode, s.Indication, true,
                System.Text.Json.JsonSerializer.Deserialize<List<string>>(s.PlannedAreasJson)))
            .ToList();
}
