using Needling.ClinicalRules;
using Needling.Contracts.Protocols;
using Needling.SharedKernel.Errors;

namespace Needling.Sessions.Overrides;

/// <summary>A warning acknowledged by the practitioner: the rule id and the written reason.</summary>
internal sealed record OverrideInput(string RuleId, string Reason);

/// <summary>
/// Blocks refuse; every warning needs the practitioner's override with a written reason (the engine's
/// <see cref="OverridePolicy"/>). Refused with 422 naming the rule; an override of a rule that did not fire is a
/// mistake worth telling (400), not something to store.
/// </summary>
internal static class OverrideCheck
{
    public static IReadOnlyList<(EligibilityFinding Finding, string Reason)> Apply(
        string refusal, int ruleSetVersion, IReadOnlyList<EligibilityFinding> findings, IReadOnlyList<OverrideInput>? overrides)
    {
        overrides ??= [];
        var unknown = overrides.Select((o, i) => (o, i)).Where(x => findings.All(f => f.RuleId != x.o.RuleId)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException(unknown.ToDictionary(
                x => $"overrides[{x.i}].ruleId",
                x => new[] { $"{x.o.RuleId} is not among the findings (rule set {ruleSetVersion}), so there is nothing to override." }));
        }
        var decision = new EligibilityDecision(Outcome.Allowed, ruleSetVersion, findings.Select(ToEngine).ToList(), null);
        var result = OverridePolicy.Apply(decision, overrides.Select(o => new RuleOverride(o.RuleId, o.Reason)).ToList());
        if (!result.MayProceed)
        {
            var blocks = findings.Where(f => f.Severity == nameof(Severity.Block)).ToList();
            var first = blocks.Count > 0 ? blocks[0]
                : findings.First(f => !overrides.Any(o => o.RuleId == f.RuleId && (o.Reason?.Trim().Length ?? 0) >= OverridePolicy.MinimumReasonLength));
            var what = blocks.Count > 0
                ? string.Join(" ", blocks.Select(f => $"[{f.RuleId}] {f.Message}")) + (blocks.Count == 1 ? " A block cannot be overridden." : " Blocks cannot be overridden.")
                : string.Join(" ", result.Problems);
            throw new RuleViolationException(first.RuleId, $"{refusal}: {what}",
                new { ruleSetVersion, findings, problems = result.Problems });
        }
        return findings.Where(f => f.Severity == nameof(Severity.Warn))
            .Select(f => (f, overrides.First(o => o.RuleId == f.RuleId && o.Reason.Trim().Length >= OverridePolicy.MinimumReasonLength).Reason.Trim()))
            .ToList();
    }

    private static Finding ToEngine(EligibilityFinding f) => new(
        f.RuleId, f.RuleVersion, Enum.Parse<Severity>(f.Severity), f.Message,
        new RuleSource(f.Source, Enum.Parse<EvidenceLevel>(f.Evidence)));
}
