using MediatR;
using Needling.ClinicalRules;
using Needling.Contracts.Protocols;
using Needling.Protocols.Eligibility;
using Needling.Protocols.RuleSets;
using Needling.SharedKernel.Errors;

namespace Needling.Protocols.Integration;

/// <summary>
/// Applies the rule set in force to the facts the caller gathered, with the pure engine. It asks no other module
/// (the caller owns the history and has already fetched the rest), so a booking is one question, not a round trip
/// back into Booking. The decision names the rule-set version it used, so whoever stores it can replay it later.
/// </summary>
internal sealed class DecideEligibilityHandler(RuleSetStore store, TimeProvider clock) : IRequestHandler<DecideEligibility, EligibilityResult>
{
    public async Task<EligibilityResult> Handle(DecideEligibility q, CancellationToken ct)
    {
        var (practitioner, treatment) = (q.Practitioner, q.Treatment);
        if (!practitioner.Active)
        {
            throw new RuleViolationException("practitioner.inactive", $"{practitioner.DisplayName} no longer practises at this clinic.");
        }
        if (!treatment.Active)
        {
            throw new RuleViolationException("treatment.inactive", $"The clinic no longer offers {treatment.Name}.");
        }
        var rules = await store.CurrentAsync(ct);

        var input = new EligibilityInput(
            rules,
            new TreatmentFacts(treatment.Code, treatment.RequiresRegulatoryClearance, treatment.HasRegulatoryClearance),
            q.Indication,
            DateTime.SpecifyKind(q.StartUtc, DateTimeKind.Utc),
            q.Clinic.Zone,
            FactsMapper.Patient(q.Screening),
            FactsMapper.Practitioner(practitioner),
            q.History.Select(h => new SessionFact(h.StartUtc, h.TreatmentCode, h.Indication, h.Completed ? SessionKind.Completed : SessionKind.Booked, h.Areas)).ToList(),
            q.TreatedAreas,
            q.Device is null ? null : new DeviceFacts(q.Device.Serial, q.Device.MaintenanceDueOn),
            q.ElectricalStimulation);
        var decision = EligibilityEngine.Evaluate(input);
        // The date staff can offer: counted both ways from every session and booking, and never before today.
        var today = q.Clinic.LocalDate(clock.GetUtcNow().UtcDateTime);

        return new EligibilityResult(
            decision.Outcome.ToString(),
            decision.RuleSetVersion,
            decision.Findings.Select(FindingMapper.ToContract).ToList(),
            NextAllowedDate.Find(input, today));
    }
}
