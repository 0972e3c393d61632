namespace Needling.ClinicalRules;

// A pure function of its input: no clock, no I/O. "Today" and the clinic's time zone are in the input, so a
// decision can be replayed for an audit and tested boundary day by boundary day.
public static class EligibilityEngine
{
    public static EligibilityDecision Evaluate(EligibilityInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var date = ClinicCalendar.LocalDate(input.ProposedStartUtc, input.ClinicTimeZone);
        var index = RuleIndex.For(input.Rules);
        var findings = new List<Finding>();
        DateOnly? earliestAllowedOn = null;

        var protocol = index.FindProtocol(input.Treatment.Code, input.Indication);
        if (protocol is null)
        {
            findings.Add(new Finding(BuiltInRuleIds.ProtocolUnknown, BuiltInRules.Version, Severity.Block,
                $"No protocol for {input.Treatment.Code} with indication '{input.Indication}' in rule set {input.Rules.Version}.",
                BuiltInRules.ProtocolUnknownSource));
        }
        else
        {
            var sessionDates = ClinicCalendar.LocalDates(input.History, input.ClinicTimeZone);
            earliestAllowedOn = IntervalCheck.AddTo(findings, protocol, date, input.History, sessionDates, input.TreatedAreas);
            CourseCheck.AddTo(findings, protocol, date, input.History, sessionDates);
            PractitionerCheck.AddQualificationFindingTo(findings, protocol, input.Practitioner, date);
        }

        // Still checked without a protocol, so that staff see every reason at once.
        PractitionerCheck.AddLicenceFindingTo(findings, input.Practitioner, date);
        var unanswered = new List<(string Question, Severity Severity)>();
        ContraindicationCheck.AddTo(findings, index.ContraindicationsFor(input.Treatment.Code), input, date, unanswered);
        ScreeningCompleteness.AddTo(findings, input.Patient, unanswered);

        findings.Sort(FindingOrder.Compare);
        return new EligibilityDecision(OutcomeOf(findings), input.Rules.Version, findings, earliestAllowedOn);
    }

    // A block on what is known refuses; otherwise unknown answers that could block make it ScreeningIncomplete.
    private static Outcome OutcomeOf(List<Finding> findings) =>
        findings.Count == 0 ? Outcome.Allowed
        : findings.Any(f => f.Severity == Severity.Block && f.RuleId != BuiltInRuleIds.ScreeningIncomplete) ? Outcome.Refused
        : findings[0].Severity == Severity.Block ? Outcome.ScreeningIncomplete // sorted: a Block, if any, comes first
        : Outcome.AllowedWithWarnings;
}
