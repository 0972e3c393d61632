namespace Needling.ClinicalRules;

// One treated area as the record check sees it: the depth zone it falls in, depth and passes as recorded.
public sealed record AreaTreatment(string Area, string Zone, decimal? DepthMm, int? Passes);

// MinIntervalDays: the protocol's, for the date of the next session (null without a protocol).
public sealed record RecordDecision(int RuleSetVersion, IReadOnlyList<Finding> Findings, int? MinIntervalDays);

// Checks what was done in a session against the protocol of its treatment and indication. Pure, like the
// eligibility engine: the rule set is in the input, so a decision can be replayed.
public static class SessionRecordEngine
{
    public static RecordDecision Evaluate(RuleSet rules, string treatmentCode, string indication, IReadOnlyList<AreaTreatment> areas)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(areas);
        var findings = new List<Finding>();
        var protocol = RuleIndex.For(rules).FindProtocol(treatmentCode, indication);
        if (protocol is null)
        {
            findings.Add(new Finding(BuiltInRuleIds.ProtocolUnknown, BuiltInRules.Version, Severity.Block,
                $"No protocol for {treatmentCode} with indication '{indication}' in rule set {rules.Version}.", BuiltInRules.ProtocolUnknownSource));
            return new RecordDecision(rules.Version, findings, null);
        }
        foreach (var area in areas)
        {
            if (area.DepthMm is decimal depth && DepthCheck.Check(protocol, area.Zone, depth) is { } f)
                Add(findings, f, area.Area);
            if (area.Passes is int passes && DepthCheck.CheckPasses(protocol, passes) is { } p)
                Add(findings, p, area.Area);
        }
        findings.Sort(FindingOrder.Compare);
        return new RecordDecision(rules.Version, findings, protocol.MinIntervalDays);
    }

    // One finding per rule id, naming every area it fired on: an override is given per rule, once.
    private static void Add(List<Finding> findings, Finding f, string area)
    {
        var i = findings.FindIndex(x => x.RuleId == f.RuleId);
        if (i < 0)
            findings.Add(f with { Message = $"{area}: {f.Message}" });
        else
            findings[i] = findings[i] with { Message = $"{findings[i].Message} {area}: {f.Message}" };
    }
}
