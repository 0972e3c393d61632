using Needling.ClinicalRules.Tests.Support;

namespace Needling.ClinicalRules.Tests;

// A finding recorded on an area applies to every area inside it, and a finding inside a treated area is in the
// treated area (clinical-defaults.md, body areas).
public sealed class AreaHierarchyTests
{
    private static readonly DateOnly Day = Scenario.Day;

    private static Scenario InfectionOn(string? area, params string[] treatedAreas) =>
        new() { Patient = Patients.With(new SkinFindingFact(Codes.ActiveInfection, area, null, Day.AddDays(-1), null)), TreatedAreas = treatedAreas };

    [Fact]
    public void Active_infection_recorded_on_face_blocks_microneedling_of_the_cheeks()
    {
        InfectionOn("face", "cheeks").Decide().IsRefusedBy("ci.active-infection");
    }

    [Fact]
    public void Active_infection_recorded_on_the_cheeks_blocks_microneedling_of_the_whole_face()
    {
        InfectionOn("cheeks", "face").Decide().IsRefusedBy("ci.active-infection");
    }

    [Fact]
    public void Active_infection_recorded_on_the_cheeks_does_not_block_microneedling_of_the_forehead_and_nose()
    {
        InfectionOn("cheeks", "forehead", "nose").Decide().IsAllowedWithoutFindings();
    }

    [Fact]
    public void Active_infection_recorded_on_the_face_does_not_block_microneedling_of_the_neck()
    {
        InfectionOn("face", "neck").Decide().IsAllowedWithoutFindings();
    }

    [Fact]
    public void Active_infection_recorded_on_the_back_blocks_microneedling_of_the_upper_back()
    {
        InfectionOn("back", "upper-back").Decide().IsRefusedBy("ci.active-infection");
    }

    [Fact]
    public void Active_infection_on_the_lower_back_does_not_block_microneedling_of_the_upper_back()
    {
        InfectionOn("lower-back", "upper-back").Decide().IsAllowedWithoutFindings();
    }

    [Fact]
    public void Infection_recorded_on_an_area_outside_the_vocabulary_blocks_whatever_the_treated_area()
    {
        // Where on the body "left temple" lies cannot be told from the list: the cautious reading.
        InfectionOn("left-temple", "cheeks").Decide().IsRefusedBy("ci.active-infection");
    }

    [Fact]
    public void Infection_blocks_when_a_treated_area_is_outside_the_vocabulary()
    {
        InfectionOn("chin", "forehead", "left-temple").Decide().IsRefusedBy("ci.active-infection");
    }

    [Fact]
    public void Severe_acne_on_the_chin_blocks_microneedling_of_the_face()
    {
        var scenario = new Scenario
        {
            Patient = Patients.With(new SkinFindingFact(Codes.Acne, Codes.Chin, Codes.Severe, Day.AddDays(-3), null)),
            TreatedAreas = ["face"],
        };

        scenario.Decide().IsRefusedBy("ci.severe-acne");
    }

    [Fact]
    public void Inflammatory_skin_condition_recorded_on_the_face_blocks_microneedling_around_the_eyes()
    {
        var scenario = new Scenario
        {
            Patient = Patients.With(new ConditionFact(Codes.InflammatorySkinCondition, "face", Day.AddMonths(-2), null)),
            TreatedAreas = ["periorbital"],
        };

        scenario.Decide().IsRefusedBy("ci.inflammatory-skin-condition");
    }
}
