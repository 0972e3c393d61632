namespace Needling.ClinicalRules;

public sealed record Finding(string RuleId, int RuleVersion, Severity Severity, string Message, RuleSource Source);

// Findings are ordered Block first, then by rule id. EarliestAllowedOn: the last counted session on or before
// the proposed date plus the protocol's minimum interval (null when there is none or no protocol).
public sealed record EligibilityDecision(Outcome Outcome, int RuleSetVersion, IReadOnlyList<Finding> Findings, DateOnly? EarliestAllowedOn);
