using Needling.ClinicalRules.Tests.Support;

namespace Needling.ClinicalRules.Tests;

public sealed class PregnancyAndProductTests
{
    private static readonly DateOnly Day = Scenario.Day;
    private static readonly Scenario DryNeedling = Scenario.For(Codes.DryNeedling, Codes.Musculoskeletal);

    private static EligibilityDecision DryNeedlingWhilePregnant(DateOnly? lmp, DateOnly? endedOn = null) =>
        (DryNeedling with { Patient = Patients.With(new PregnancyFact(lmp, endedOn)) }).Decide();

    [Fact]
    public void Dry_needling_at_13_weeks_6_days_is_refused_as_first_trimester()
    {
        DryNeedlingWhilePregnant(Day.AddDays(-(13 * 7 + 6))).IsRefusedBy("ci.pregnancy-first-trimester");
    }

    [Fact]
    public void Dry_needling_at_14_weeks_only_warns()
    {
        var decision = DryNeedlingWhilePregnant(Day.AddDays(-14 * 7));

        decision.HasNo("ci.pregnancy-first-trimester");
        Assert.Equal(Severity.Warn, decision.Single("ci.pregnancy").Severity);
        Assert.Equal(Outcome.AllowedWithWarnings, decision.Outcome);
    }

    [Fact]
    public void Dry_needling_in_the_third_trimester_only_warns()
    {
        var decision = DryNeedlingWhilePregnant(Day.AddDays(-30 * 7));

        Assert.Equal(Outcome.AllowedWithWarnings, decision.Outcome);
        decision.Single("ci.pregnancy");
    }

    [Fact]
    public void Pregnancy_with_unknown_last_period_is_read_as_first_trimester()
    {
        DryNeedlingWhilePregnant(null).IsRefusedBy("ci.pregnancy-first-trimester");
    }

    [Fact]
    public void Pregnancy_that_ended_before_the_session_date_no_longer_counts()
    {
        DryNeedlingWhilePregnant(Day.AddDays(-200), endedOn: Day.AddDays(-1)).IsAllowedWithoutFindings();
        DryNeedlingWhilePregnant(Day.AddDays(-200), endedOn: Day).IsAllowedWithoutFindings();
    }

    [Fact]
    public void Trimester_is_counted_to_the_session_date_for_a_booking_ahead()
    {
        // 12 weeks today, 15 weeks at the booked date: second trimester then.
        var scenario = DryNeedling with { Patient = Patients.With(new PregnancyFact(Day.AddDays(-12 * 7), null)) };

        var decision = scenario.At(Clinic.London, Day.AddDays(21), 10).Decide();

        decision.HasNo("ci.pregnancy-first-trimester");
        decision.Single("ci.pregnancy");
    }

    [Fact]
    public void Stem_cell_treatment_is_refused_in_pregnancy()
    {
        var decision = (Scenario.For(Codes.UcMsc, Codes.Pigmentation) with { Patient = Patients.With(new PregnancyFact(Day.AddDays(-20 * 7), null)) }).Decide();

        decision.IsRefusedBy("ci.pregnancy");
    }

    [Fact]
    public void Stem_cell_product_without_regulatory_clearance_is_refused()
    {
        var decision = (Scenario.For(Codes.UcMsc, Codes.Pigmentation) with { RequiresClearance = true, HasClearance = false }).Decide();

        decision.IsRefusedBy("ci.product-not-cleared");
    }

    [Fact]
    public void Stem_cell_product_with_clearance_or_not_needing_it_is_allowed()
    {
        (Scenario.For(Codes.UcMsc, Codes.Pigmentation) with { RequiresClearance = true, HasClearance = true }).Decide().IsAllowedWithoutFindings();
        (Scenario.For(Codes.UcMsc, Codes.Pigmentation) with { RequiresClearance = false, HasClearance = false }).Decide().IsAllowedWithoutFindings();
    }
}
