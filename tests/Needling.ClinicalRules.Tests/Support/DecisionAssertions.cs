namespace Needling.ClinicalRules.Tests.Support;

internal static class DecisionAssertions
{
    public static Finding Single(this EligibilityDecision decision, string ruleId) =>
        Assert.Single(decision.Findings, f => f.RuleId == ruleId);

    public static void HasNo(this EligibilityDecision decision, string ruleId) =>
        Assert.DoesNotContain(decision.Findings, f => f.RuleId == ruleId);

    public static void IsRefusedBy(this EligibilityDecision decision, string ruleId)
    {
        Assert.Equal(Outcome.Refused, decision.Outcome);
        Assert.Equal(Severity.Block, decision.Single(ruleId).Severity);
    }

    public static void IsAllowedWithoutFindings(this EligibilityDecision decision)
    {
        Assert.Empty(decision.Findings);
        Assert.Equal(Outcome.Allowed, decision.Outcome);
    }
}
