namespace Needling.Contracts.Protocols;

/// <summary>The answer: Allowed, AllowedWithWarnings or Refused, with every finding.</summary>
/// <param name="Outcome">
/// Allowed, AllowedWithWarnings, Refused, or ScreeningIncomplete: nothing known blocks, but a screening question that
/// could block is unanswered (or the patient has no screening at all); never read it as allowed.
/// </param>
/// <param name="RuleSetVersion">The rule-set version that decided; stored with every decision.</param>
/// <param name="Findings">Every rule that fired, blocks first.</param>
/// <param name="EarliestAllowedOn">
/// First local date, not before today, on which a new session keeps the minimum interval from every counted session and
/// booking, earlier and later; null without a protocol or without any counted session.
/// </param>
public sealed record EligibilityResult(
    string Outcome, int RuleSetVersion, IReadOnlyList<EligibilityFinding> Findings, DateOnly? EarliestAllowedOn);

/// <summary>One rule that fired.</summary>
/// <param name="RuleId">Rule id, e.g. "ci.active-infection".</param>
/// <param name="RuleVersion">Version of that rule.</param>
/// <param name="Severity">Block or Warn.</param>
/// <param name="Message">Plain message for staff.</param>
/// <param name="Source">Citation of the rule's source.</param>
/// <param name="Evidence">Evidence level: A trial/review, B guideline, C practice, P clinic policy.</param>
/// <param name="EvidenceNote">A plain note when the evidence is weak (C or P); null otherwise.</param>
public sealed record EligibilityFinding(string RuleId, int RuleVersion, string Severity, string Message, string Source, string Evidence,
    string? EvidenceNote = null);
