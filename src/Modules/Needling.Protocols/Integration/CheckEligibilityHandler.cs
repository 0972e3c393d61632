using MediatR;
using Needling.ClinicalRules;
using Needling.Contracts.Booking;
using Needling.Contracts.Clinic;
using Needling.Contracts.Patients;
using Needling.Contracts.Protocols;
using Needling.Protocols.Eligibility;
using Needling.Protocols.RuleSets;
using Needling.SharedKernel.Errors;

namespace Needling.Protocols.Integration;

/// <summary>
/// Gathers the facts from the modules that own them, then lets the pure engine decide. The decision
/// names the rule-set version it used, so whoever stores it can replay it later.
/// </summary>
internal sealed class CheckEligibilityHandler(IMediator mediator, RuleSetStore store) : IRequestHandler<CheckEligibility, EligibilityResult>
{
    public async Task<EligibilityResult> Handle(CheckEligibility q, CancellationToken ct)
    {
        var screening = await mediator.Send(new GetPatientScreening(q.PatientId), ct) ?? throw new NotFoundException("Patient", q.PatientId);
        var practitioner = await mediator.Send(new GetPractitioner(q.PractitionerId), ct) ?? throw new NotFoundException("Practitioner", q.PractitionerId);
        var treatment = await mediator.Send(new GetTreatment(q.TreatmentCode), ct) ?? throw new NotFoundException("Treatment", q.TreatmentCode);
        if (!practitioner.Active)
        {
            throw new RuleViolationException("practitioner.inactive", $"{practitioner.DisplayName} no longer practises at this clinic.");
        }
        if (!treatment.Active)
        {
            throw new RuleViolationException("treatment.inactive", $"The clinic no longer offers {treatment.Name}.");
        }
        var clinic = await mediator.Send(new GetClinicProfile(), ct);
        var rules = await store.CurrentAsync(ct);
        var counted = rules.Protocols
            .Where(p => p.TreatmentCode == q.TreatmentCode && p.Indication == q.Indication)
            .SelectMany(p => p.IntervalCountsTreatments)
            .Append(q.TreatmentCode)
            .Distinct()
            .ToList();
        // Session recording gives its own history (signed sessions only); booking's comes from Booking.
        var history = q.History ?? await mediator.Send(new GetTreatmentHistory(q.PatientId, counted, q.ExcludeAppointmentId), ct);

        var decision = EligibilityEngine.Evaluate(new EligibilityInput(
            rules,
            new TreatmentFacts(treatment.Code, treatment.RequiresRegulatoryClearance, treatment.HasRegulatoryClearance),
            q.Indication,
            DateTime.SpecifyKind(q.StartUtc, DateTimeKind.Utc),
            TimeZoneInfo.FindSystemTimeZoneById(clinic.TimeZoneId),
            FactsMapper.Patient(screening),
            FactsMapper.Practitioner(practitioner),
            history.Select(h => new SessionFact(h.StartUtc, h.TreatmentCode, h.Indication, h.Completed ? SessionKind.Completed : SessionKind.Booked)).ToList(),
            q.TreatedAreas));

        return new EligibilityResult(
            decision.Outcome.ToString(),
            decision.RuleSetVersion,
            decision.Findings.Select(FindingMapper.ToContract).ToList(),
            decision.EarliestAllowedOn);
    }
}
