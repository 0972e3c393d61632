namespace Needling.ClinicalRules;

public sealed record Finding(string RuleId, int RuleVersion, Severity Severity, string Message, RuleSource Source)
{
    // A plain note where the rule's evidence is weak (C or P); null otherwise.
    public string? EvidenceNote => EvidenceNotes.For(Source.Evidence);
}

// Findings are ordered Block first, then by rule id. EarliestAllowedOn: the last counted session on or before
// the proposed date plus the protocol's minimum interval (null when there is none or no protocol).
public sealed record EligibilityDecision(Outcome Outcome, int RuleSetVersion, IReadOnlyList<Finding> Findings, DateOnly? EarliestAllowedOn);
