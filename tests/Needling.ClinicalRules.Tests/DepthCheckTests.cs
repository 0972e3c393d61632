namespace Needling.ClinicalRules.Tests;

// Depth by facial zone (manufacturer charts, clinical-defaults.md, C), capped by the indication's range.
public sealed class DepthCheckTests
{
    private static ProtocolRule Protocol(string id) => DefaultRuleSet.Load().Protocols.Single(p => p.Id == id);

    [Theory]
    [InlineData("proto.mn-pen.acne-scars", Codes.Scar, 1.0, 1.5)]
    [InlineData("proto.mn-pen.acne-scars", Codes.Cheeks, 0.5, 1.0)]
    [InlineData("proto.mn-pen.acne-scars", Codes.Periorbital, 0.25, 0.25)]
    [InlineData("proto.mn-pen.acne-scars", Codes.Nose, 0.25, 0.5)]
    [InlineData("proto.mn-pen.hyperpigmentation", Codes.Cheeks, 0.5, 0.9)]
    [InlineData("proto.mn-roller.hypopigmentation", Codes.Forehead, 0.25, 0.5)]
    [InlineData("proto.mn-roller.idiopathic-guttate-hypomelanosis", Codes.Body, 0.5, 1.0)]
    public void Depth_inside_the_zone_range_passes_and_just_outside_is_refused(string protocolId, string zone, double min, double max)
    {
        var protocol = Protocol(protocolId);
        var (lo, hi) = ((decimal)min, (decimal)max);

        Assert.Null(DepthCheck.Check(protocol, zone, lo));
        Assert.Null(DepthCheck.Check(protocol, zone, hi));
        foreach (var outside in new[] { lo - 0.05m, hi + 0.05m })
        {
            var finding = DepthCheck.Check(protocol, zone, outside);
            Assert.NotNull(finding);
            Assert.Equal(Severity.Block, finding.Severity);
            Assert.Equal(protocolId + ".depth", finding.RuleId);
        }
    }

    [Fact]
    public void One_millimetre_is_too_deep_for_pigmentation()
    {
        var finding = DepthCheck.Check(Protocol("proto.mn-pen.hyperpigmentation"), Codes.Cheeks, 1.0m);

        Assert.NotNull(finding);
        Assert.Contains("1.0 mm", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Half_a_millimetre_around_the_eyes_is_too_deep()
    {
        Assert.NotNull(DepthCheck.Check(Protocol("proto.mn-pen.acne-scars"), Codes.Periorbital, 0.5m));
    }

    [Fact]
    public void Zone_without_a_depth_in_the_protocol_warns()
    {
        var finding = DepthCheck.Check(Protocol("proto.mn-pen.hyperpigmentation"), Codes.Scar, 1.0m);

        Assert.NotNull(finding);
        Assert.Equal("depth.zone-unknown", finding.RuleId);
        Assert.Equal(Severity.Warn, finding.Severity);
    }

    [Fact]
    public void Depth_does_not_apply_to_dry_needling()
    {
        Assert.Null(DepthCheck.Check(Protocol("proto.dry-needling.cosmetic-facial"), Codes.Forehead, 15m));
    }

    [Fact]
    public void Depth_outside_the_range_only_warns_where_the_clinic_rule_says_warn()
    {
        var protocol = Protocol("proto.mn-pen.acne-scars") with { OutOfRangeSeverity = Severity.Warn };

        Assert.Equal(Severity.Warn, DepthCheck.Check(protocol, Codes.Periorbital, 1.2m)!.Severity);
    }

    [Fact]
    public void A_periorbital_depth_of_1_2_mm_is_refused_in_a_session_record()
    {
        var decision = SessionRecordEngine.Evaluate(DefaultRuleSet.Load(), Codes.MnPen, Codes.AcneScars,
            [new AreaTreatment("periorbital", Codes.Periorbital, 1.2m, 2), new AreaTreatment("cheeks", Codes.Cheeks, 0.8m, 2)]);

        var finding = Assert.Single(decision.Findings);
        Assert.Equal("proto.mn-pen.acne-scars.depth", finding.RuleId);
        Assert.Equal(Severity.Block, finding.Severity);
        Assert.StartsWith("periorbital:", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Passes_outside_the_protocol_range_are_refused()
    {
        var protocol = Protocol("proto.mn-pen.acne-scars") with { PassesMin = 2, PassesMax = 4 };

        Assert.Null(DepthCheck.CheckPasses(protocol, 4));
        Assert.Equal(Severity.Block, DepthCheck.CheckPasses(protocol, 5)!.Severity);
        Assert.Equal(Severity.Block, DepthCheck.CheckPasses(protocol, 1)!.Severity);
    }
}
