using MediatR;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Booking.Eligibility;
using Needling.Contracts.Clinic;
using Needling.Contracts.Patients;
using Needling.Contracts.Protocols;
using Needling.SharedKernel.Errors;

namespace Needling.Booking.Appointments;

/// <summary>
/// Everything a booking or a reschedule must pass, in the order a receptionist can act on: unknown or
/// unsuitable resources, a time in the past, clashes (409), then the clinical question (422).
/// </summary>
internal sealed class BookingChecks(IMediator mediator, EligibilityQuestion question, TimeProvider clock)
{
    /// <summary>
    /// What was looked up once and is used again by the eligibility question. Screening and clinic are gathered here,
    /// before the patient lock (<see cref="PatientLock"/>): inside it only Booking's own tables are read.
    /// </summary>
    internal sealed record Resolved(
        TreatmentInfo Treatment, PatientSummary Patient, PractitionerInfo Practitioner, PatientScreening Screening, ClinicProfile Clinic,
        DeviceInfo? Device = null);

    public async Task<Resolved> ResolveAsync(
        Guid patientId, Guid practitionerId, Guid roomId, Guid? deviceId, string treatmentCode, CancellationToken ct)
    {
        var treatment = await mediator.Send(new GetTreatment(treatmentCode), ct) ?? throw new NotFoundException("Treatment", treatmentCode);
        if (!treatment.Active)
        {
            throw new RuleViolationException("treatment.inactive", $"The clinic no longer offers {treatment.Name}.");
        }
        var patient = await mediator.Send(new GetPatientSummary(patientId), ct) ?? throw new NotFoundException("Patient", patientId);
        var resources = await mediator.Send(new GetResources(), ct);
        var practitioner = resources.Practitioners.SingleOrDefault(p => p.Id == practitionerId)
            ?? throw new NotFoundException("Active practitioner", practitionerId);
        if (resources.Rooms.All(r => r.Id != roomId))
        {
            throw new NotFoundException("Active room", roomId);
        }
        DeviceInfo? device = null;
        if (treatment.DeviceKind is null)
        {
            if (deviceId is not null)
            {
                throw new ValidationException(new Dictionary<string, string[]> { ["deviceId"] = [$"{treatment.Name} needs no device; leave it empty."] });
            }
        }
        else
        {
            device = resources.Devices.SingleOrDefault(d => d.Id == deviceId)
                ?? throw (deviceId is null
                    ? new ValidationException(new Dictionary<string, string[]> { ["deviceId"] = [$"{treatment.Name} needs a device of kind {treatment.DeviceKind}."] })
                    : new NotFoundException("Active device", deviceId));
            if (device.Kind != treatment.DeviceKind)
            {
                throw new RuleViolationException("booking.device-kind", $"{treatment.Name} needs a {treatment.DeviceKind}; {device.Name} is a {device.Kind}.");
            }
        }
        var screening = await mediator.Send(new GetPatientScreening(patientId), ct) ?? throw new NotFoundException("Patient", patientId);
        return new Resolved(treatment, patient, practitioner, screening, await mediator.Send(new GetClinicProfile(), ct), device);
    }

    public void EnsureNotInPast(DateTime startUtc)
    {
        if (startUtc < clock.GetUtcNow().UtcDateTime)
        {
            throw new RuleViolationException("booking.in-past", "An appointment cannot start in the past.");
        }
    }

    /// <summary>
    /// Refused → 422 listing every rule that refused; otherwise the result, warnings included. ScreeningIncomplete
    /// (a question that could block is unanswered) is booked and stored with that outcome, not refused: clinics book
    /// by phone before the patient has answered, and the answers are taken before the day. Session start asks
    /// again and refuses it (screening.incomplete is a block that no override lifts). A refusal is
    /// checked against clashes once more first: if a competing booking for the same slot committed while we
    /// were asking, its session is what the interval rule saw, and the true answer is 409, not 422.
    /// </summary>
    public async Task<EligibilityResult> EligibilityAsync(
        BookingDbContext db, Appointment a, Resolved resolved, IReadOnlyList<string>? treatedAreas, CancellationToken ct)
    {
        var history = await question.HistoryAsync(a.PatientId, a.Id, ct);
        var result = await question.DecideAsync(
            resolved.Screening, resolved.Clinic, history, resolved.Practitioner, resolved.Treatment, a.Indication, a.StartUtc, treatedAreas, ct, resolved.Device);
        if (result.Outcome == "Refused")
        {
            await ClashCheck.EnsureFreeAsync(db, a, ct);
            // Lead with a rule that refuses on what is known, not with the unanswered questions beside it.
            var blocks = result.Findings.Where(f => f.Severity == "Block").OrderBy(f => f.RuleId == "screening.incomplete").ToList();
            throw new RuleViolationException(
                blocks[0].RuleId,
                "The booking is refused: " + string.Join(" ", blocks.Select(f => $"[{f.RuleId}] {f.Message}")),
                new { ruleSetVersion = result.RuleSetVersion, findings = result.Findings, earliestAllowedOn = result.EarliestAllowedOn });
        }
        return result;
    }
}
