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
    public void Depth_inside_the_zone_range_passes_and_just_outside_warns(string protocolId, string zone, double min, double max)
    {
        var protocol = Protocol(protocolId);
        var (lo, hi) = ((decimal)min, (decimal)max);

        Assert.Null(DepthCheck.Check(protocol, zone, lo));
        Assert.Null(DepthCheck.Check(protocol, zone, hi));
        foreach (var outside in new[] { lo - 0.05m, hi + 0.05m })
        {
            var finding = DepthCheck.Check(protocol, zone, outside);
            Assert.NotNull(finding);
            Assert.Equal(Severity.Warn, finding.Severity);
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
}
