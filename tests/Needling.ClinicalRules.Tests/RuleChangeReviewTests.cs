using Needling.ClinicalRules;

namespace Needling.ClinicalRules.Tests;

/// <summary>Which edits take protection away from patients, and so need a clinical lead's approval.</summary>
public sealed class RuleChangeReviewTests
{
    private static readonly RuleSet Defaults = DefaultRuleSet.Load();
    private static readonly ProtocolRule Pen = Defaults.Protocols.Single(p => p.Id == "proto.mn-pen.hyperpigmentation");
    private static readonly ContraindicationRule Blocking = Defaults.Contraindications.First(c => c.SeverityByTreatment.Values.Contains(Severity.Block));

    [Fact]
    public void Retiring_a_rule_that_blocks_needs_approval() =>
        Assert.Single(RuleChangeReview.Weakening(Blocking, null));

    [Fact]
    public void Rewording_a_blocking_rule_needs_no_approval() =>
        Assert.Empty(RuleChangeReview.Weakening(Blocking, Blocking with { Message = Blocking.Message + " Ask the clinical lead.", Title = "Reworded" }));

    [Fact]
    public void Lowering_one_treatment_from_block_to_warn_needs_approval()
    {
        var (treatment, _) = Blocking.SeverityByTreatment.First(s => s.Value == Severity.Block);
        var lowered = Blocking with { SeverityByTreatment = new Dictionary<string, Severity>(Blocking.SeverityByTreatment) { [treatment] = Severity.Warn } };
        Assert.Equal([$"lowers {treatment} from Block to Warn"], RuleChangeReview.Weakening(Blocking, lowered));
    }

    [Fact]
    public void Adding_a_treatment_to_a_blocking_rule_needs_no_approval()
    {
        var wider = Blocking with { SeverityByTreatment = new Dictionary<string, Severity>(Blocking.SeverityByTreatment) { ["NEW-TREATMENT"] = Severity.Block } };
        Assert.Empty(RuleChangeReview.Weakening(Blocking, wider));
    }

    [Fact]
    public void Changing_which_patients_a_blocking_rule_matches_needs_approval() =>
        Assert.Equal(["changes which patients the rule matches"],
            RuleChangeReview.Weakening(Blocking, Blocking with { Match = Blocking.Match with { WithinMonths = (Blocking.Match.WithinMonths ?? 12) + 1 } }));

    [Fact]
    public void A_rule_that_only_warns_can_be_retired_without_approval()
    {
        var warnOnly = Blocking with { SeverityByTreatment = Blocking.SeverityByTreatment.ToDictionary(s => s.Key, _ => Severity.Warn) };
        Assert.Empty(RuleChangeReview.Weakening(warnOnly, null));
    }

    [Fact]
    public void Shortening_the_interval_by_one_day_needs_approval_and_lengthening_it_does_not()
    {
        Assert.Single(RuleChangeReview.Weakening(Pen, Pen with { MinIntervalDays = Pen.MinIntervalDays - 1 }));
        Assert.Empty(RuleChangeReview.Weakening(Pen, Pen with { MinIntervalDays = Pen.MinIntervalDays + 1 }));
    }

    [Fact]
    public void Widening_a_depth_or_a_pass_limit_or_removing_a_qualification_needs_approval()
    {
        var depth = Pen.Depths.Single(d => d.Zone == "cheeks");
        var limited = Pen with { PassesMin = 2, PassesMax = 4 };
        Assert.NotEmpty(RuleChangeReview.Weakening(Pen, Pen with { Depths = [depth with { MaxMm = depth.MaxMm + 0.1m }, .. Pen.Depths.Where(d => d != depth)] }));
        Assert.Empty(RuleChangeReview.Weakening(Pen, Pen with { Depths = [depth with { MaxMm = depth.MaxMm - 0.1m }, .. Pen.Depths.Where(d => d != depth)] }));
        Assert.NotEmpty(RuleChangeReview.Weakening(limited, limited with { PassesMax = null }));
        Assert.NotEmpty(RuleChangeReview.Weakening(limited, limited with { PassesMin = 1 }));
        Assert.Empty(RuleChangeReview.Weakening(limited, limited with { PassesMax = 3 }));
        Assert.NotEmpty(RuleChangeReview.Weakening(Pen, Pen with { RequiredQualifications = [] }));
        Assert.NotEmpty(RuleChangeReview.Weakening(Pen, Pen with { OutOfRangeSeverity = Severity.Warn }));
    }

    [Fact]
    public void A_new_rule_needs_no_approval() => Assert.Empty(RuleChangeReview.Weakening(null, Pen));
}
