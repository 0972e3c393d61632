namespace Needling.ClinicalRules;

public sealed record RuleOverride(string RuleId, string? Reason);

public sealed record OverrideResult(bool MayProceed, IReadOnlyList<string> Problems);

// clinical-defaults.md, Contraindications: Block = refused; Warn = allowed only with a practitioner
// override and a written reason, both kept in the audit trail.
public static class OverridePolicy
{
    // A reason shorter than this is not a written reason ("ok", "n/a", "checked").
    public const int MinimumReasonLength = 10;

    public static OverrideResult Apply(EligibilityDecision decision, IReadOnlyList<RuleOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(overrides);
        var problems = new List<string>();
        var mayProceed = true;

        foreach (var finding in decision.Findings)
        {
            if (finding.Severity == Severity.Block)
            {
                mayProceed = false;
                problems.Add($"{finding.RuleId} blocks this session and cannot be overridden.");
                continue;
            }

            var offered = overrides.Where(o => string.Equals(o.RuleId, finding.RuleId, StringComparison.Ordinal)).ToList();
            if (offered.Any(o => HasWrittenReason(o.Reason)))
                continue;
            mayProceed = false;
            problems.Add(offered.Count == 0
                ? $"{finding.RuleId} is a warning: proceeding needs an override with a written reason."
                : $"The override of {finding.RuleId} needs a written reason of at least {MinimumReasonLength} characters.");
        }

        foreach (var unknown in overrides.Where(o => !decision.Findings.Any(f => string.Equals(f.RuleId, o.RuleId, StringComparison.Ordinal))))
            problems.Add($"{unknown.RuleId} is not among the findings of this decision, so there is nothing to override.");

        return new OverrideResult(mayProceed, problems);
    }

    private static bool HasWrittenReason(string? reason) =>
        reason is not null && reason.Trim().Length >= MinimumReasonLength;
}
