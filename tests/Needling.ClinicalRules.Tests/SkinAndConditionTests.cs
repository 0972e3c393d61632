using Needling.ClinicalRules.Tests.Support;

namespace Needling.ClinicalRules.Tests;

// Area scoping, acne severity and when a recorded fact is current.
public sealed class SkinAndConditionTests
{
    private static readonly DateOnly Day = Scenario.Day;

    private static Scenario InfectionOn(string? area, IReadOnlyList<string>? treatedAreas) =>
        new() { Patient = Patients.With(new SkinFindingFact(Codes.ActiveInfection, area, null, Day.AddDays(-1), null)), TreatedAreas = treatedAreas };

    [Fact]
    public void Infection_outside_the_treated_area_does_not_block()
    {
        InfectionOn(Codes.Chin, [Codes.Cheeks, Codes.Forehead]).Decide().IsAllowedWithoutFindings();
    }

    [Fact]
    public void Infection_inside_the_treated_area_blocks()
    {
        InfectionOn(Codes.Chin, [Codes.Cheeks, Codes.Chin]).Decide().IsRefusedBy("ci.active-infection");
    }

    [Fact]
    public void Infection_blocks_when_the_treated_areas_are_not_known()
    {
        InfectionOn(Codes.Chin, null).Decide().IsRefusedBy("ci.active-infection");
        InfectionOn(Codes.Chin, []).Decide().IsRefusedBy("ci.active-infection");
    }

    [Fact]
    public void Infection_recorded_without_an_area_blocks_whatever_the_treated_area()
    {
        InfectionOn(null, [Codes.Cheeks]).Decide().IsRefusedBy("ci.active-infection");
    }

    [Fact]
    public void Lymphoedema_in_the_other_limb_does_not_block_dry_needling()
    {
        var scenario = Scenario.For(Codes.DryNeedling, Codes.Musculoskeletal) with
        {
            Patient = Patients.With(new ConditionFact(Codes.Lymphoedema, "arm-left", null, null)),
            TreatedAreas = ["arm-right"],
        };

        scenario.Decide().IsAllowedWithoutFindings();
        (scenario with { TreatedAreas = ["arm-left"] }).Decide().IsRefusedBy("ci.lymphoedema");
    }

    [Fact]
    public void Bleeding_disorder_is_not_area_scoped()
    {
        var scenario = new Scenario { Patient = Patients.With(new ConditionFact(Codes.BleedingDisorder, "knee", null, null)), TreatedAreas = [Codes.Cheeks] };

        scenario.Decide().IsRefusedBy("ci.bleeding-disorder");
    }

    [Theory]
    [InlineData(Codes.Mild, false)]
    [InlineData(Codes.Moderate, false)]
    [InlineData(Codes.Severe, true)]
    [InlineData(null, true)] // ungraded acne counts until graded: the cautious reading
    public void Only_severe_acne_blocks_microneedling(string? severity, bool blocks)
    {
        var decision = new Scenario { Patient = Patients.With(new SkinFindingFact(Codes.Acne, Codes.Cheeks, severity, Day.AddDays(-3), null)) }.Decide();

        if (blocks)
            decision.IsRefusedBy("ci.severe-acne");
        else
            decision.IsAllowedWithoutFindings();
    }

    [Fact]
    public void Severe_acne_on_the_chin_does_not_block_microneedling_of_the_forehead()
    {
        var scenario = new Scenario
        {
            Patient = Patients.With(new SkinFindingFact(Codes.Acne, Codes.Chin, Codes.Severe, Day.AddDays(-3), null)),
            TreatedAreas = [Codes.Forehead],
        };

        scenario.Decide().IsAllowedWithoutFindings();
    }

    [Fact]
    public void Skin_finding_resolved_before_or_on_the_session_date_no_longer_blocks()
    {
        DecideInfection(observedOn: Day.AddDays(-10), resolvedOn: Day.AddDays(-1)).IsAllowedWithoutFindings();
        DecideInfection(observedOn: Day.AddDays(-10), resolvedOn: Day).IsAllowedWithoutFindings();
    }

    [Fact]
    public void Skin_finding_resolving_after_the_session_date_blocks()
    {
        DecideInfection(observedOn: Day.AddDays(-10), resolvedOn: Day.AddDays(1)).IsRefusedBy("ci.active-infection");
    }

    [Fact]
    public void Skin_finding_observed_after_the_session_date_does_not_block_it()
    {
        DecideInfection(observedOn: Day.AddDays(1), resolvedOn: null).IsAllowedWithoutFindings();
    }

    [Fact]
    public void Condition_is_current_until_the_day_it_resolves()
    {
        static EligibilityDecision Decide(DateOnly? onset, DateOnly? resolved) =>
            new Scenario { Patient = Patients.With(new ConditionFact(Codes.BleedingDisorder, null, onset, resolved)) }.Decide();

        Decide(null, Day.AddDays(1)).IsRefusedBy("ci.bleeding-disorder");
        Decide(null, Day).IsAllowedWithoutFindings();
        Decide(Day, null).IsRefusedBy("ci.bleeding-disorder");
        Decide(Day.AddDays(1), null).IsAllowedWithoutFindings();
    }

    private static EligibilityDecision DecideInfection(DateOnly observedOn, DateOnly? resolvedOn) =>
        new Scenario { Patient = Patients.With(new SkinFindingFact(Codes.ActiveInfection, null, null, observedOn, resolvedOn)) }.Decide();
}
