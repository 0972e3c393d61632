namespace Needling.ClinicalRules.Tests;

// clinical-defaults.md: Warn = allowed only with a practitioner override and a written reason.
public sealed class OverridePolicyTests
{
    private static readonly RuleSource Source = new("test", EvidenceLevel.B);
    private static readonly Finding Keloid = new("ci.keloid-history", 1, Severity.Warn, "keloids", Source);
    private static readonly Finding Warfarin = new("ci.anticoagulant-antiplatelet", 1, Severity.Warn, "warfarin", Source);
    private static readonly Finding Infection = new("ci.active-infection", 1, Severity.Block, "infection", Source);

    private static EligibilityDecision DecisionWith(params Finding[] findings) =>
        new(findings.Any(f => f.Severity == Severity.Block) ? Outcome.Refused : findings.Length > 0 ? Outcome.AllowedWithWarnings : Outcome.Allowed,
            1, findings, null);

    [Fact]
    public void Block_cannot_be_overridden()
    {
        var result = OverridePolicy.Apply(DecisionWith(Infection), [new RuleOverride("ci.active-infection", "Patient insists, infection looks minor")]);

        Assert.False(result.MayProceed);
        Assert.Contains(result.Problems, p => p.Contains("ci.active-infection", StringComparison.Ordinal));
    }

    [Fact]
    public void Block_cannot_be_overridden_even_when_every_warning_is()
    {
        var result = OverridePolicy.Apply(DecisionWith(Infection, Keloid), [new RuleOverride("ci.keloid-history", "No keloid in 20 years, discussed")]);

        Assert.False(result.MayProceed);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Warning_needs_a_written_reason_to_override()
    {
        Assert.False(OverridePolicy.Apply(DecisionWith(Keloid), []).MayProceed);
        Assert.False(OverridePolicy.Apply(DecisionWith(Keloid), [new RuleOverride("ci.keloid-history", null)]).MayProceed);

        var result = OverridePolicy.Apply(DecisionWith(Keloid), [new RuleOverride("ci.keloid-history", "Only small keloid on the earlobe, 2009")]);

        Assert.True(result.MayProceed);
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("          ", false)]
    [InlineData("checked", false)]
    [InlineData("  checked   ", false)]
    [InlineData("123456789", false)]
    [InlineData("1234567890", true)]
    [InlineData("discussed with patient", true)]
    public void Override_reason_must_be_at_least_ten_written_characters(string reason, bool mayProceed)
    {
        var result = OverridePolicy.Apply(DecisionWith(Keloid), [new RuleOverride("ci.keloid-history", reason)]);

        Assert.Equal(mayProceed, result.MayProceed);
        Assert.Equal(mayProceed, result.Problems.Count == 0);
    }

    [Fact]
    public void Every_warning_needs_its_own_override()
    {
        var result = OverridePolicy.Apply(DecisionWith(Keloid, Warfarin), [new RuleOverride("ci.keloid-history", "No keloid in 20 years, discussed")]);

        Assert.False(result.MayProceed);
        Assert.Contains("ci.anticoagulant-antiplatelet", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Overriding_a_rule_that_did_not_fire_is_reported()
    {
        var result = OverridePolicy.Apply(DecisionWith(Keloid), [
            new RuleOverride("ci.keloid-history", "No keloid in 20 years, discussed"),
            new RuleOverride("ci.pregnancy", "Patient says she is not pregnant"),
        ]);

        Assert.True(result.MayProceed);
        Assert.Contains("ci.pregnancy", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_without_findings_may_proceed_without_overrides()
    {
        var result = OverridePolicy.Apply(DecisionWith(), []);

        Assert.True(result.MayProceed);
        Assert.Empty(result.Problems);
    }
}
