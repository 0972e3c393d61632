using Needling.ClinicalRules.Tests.Support;

namespace Needling.ClinicalRules.Tests;

// A course past its planned number of sessions is reviewed, not refused.
public sealed class CourseTests
{
    private static readonly DateOnly Today = new(2025, 9, 1);

    [Theory]
    [InlineData(Codes.DryNeedling, Codes.Musculoskeletal, 3, "proto.dry-needling.musculoskeletal.course")]
    [InlineData(Codes.DryNeedling, Codes.CosmeticFacial, 3, "proto.dry-needling.cosmetic-facial.course")]
    [InlineData(Codes.MnRoller, Codes.IdiopathicGuttateHypomelanosis, 6, "proto.mn-roller.idiopathic-guttate-hypomelanosis.course")]
    [InlineData(Codes.MnPen, Codes.AcneScars, 6, "proto.mn-pen.acne-scars.course")]
    public void Session_after_the_planned_course_warns_to_review_the_course(string treatment, string indication, int courseMax, string ruleId)
    {
        var decision = WithCompleted(Scenario.For(treatment, indication), courseMax).Decide();

        Assert.Equal(Severity.Warn, decision.Single(ruleId).Severity);
        Assert.Equal(Outcome.AllowedWithWarnings, decision.Outcome);
    }

    [Theory]
    [InlineData(Codes.DryNeedling, Codes.Musculoskeletal, 2)]
    [InlineData(Codes.DryNeedling, Codes.CosmeticFacial, 2)]
    [InlineData(Codes.MnRoller, Codes.IdiopathicGuttateHypomelanosis, 5)]
    [InlineData(Codes.MnPen, Codes.AcneScars, 5)]
    public void Last_session_of_the_planned_course_is_allowed(string treatment, string indication, int completed)
    {
        WithCompleted(Scenario.For(treatment, indication), completed).Decide().IsAllowedWithoutFindings();
    }

    [Fact]
    public void Pigmentation_microneedling_has_no_course_limit_in_the_defaults()
    {
        WithCompleted(new Scenario(), 20).Decide().IsAllowedWithoutFindings();
    }

    [Fact]
    public void Bookings_and_sessions_for_other_indications_do_not_count_toward_the_course()
    {
        var scenario = Scenario.For(Codes.DryNeedling, Codes.Musculoskeletal).At(Clinic.London, Today, 10)
            .WithSession(SessionKind.Completed, Today.AddDays(-30), 10)
            .WithSession(SessionKind.Completed, Today.AddDays(-20), 10)
            .WithSession(SessionKind.Completed, Today.AddDays(-10), 10, indication: Codes.CosmeticFacial)
            .WithSession(SessionKind.Booked, Today.AddDays(-40), 10) // booked, never recorded as done
            .WithSession(SessionKind.Booked, Today.AddDays(10), 10);

        scenario.Decide().IsAllowedWithoutFindings();
    }

    [Fact]
    public void Replayed_decision_does_not_count_sessions_completed_after_its_date()
    {
        var scenario = WithCompleted(Scenario.For(Codes.DryNeedling, Codes.Musculoskeletal), 2)
            .WithSession(SessionKind.Completed, Today.AddDays(30), 10);

        scenario.Decide().IsAllowedWithoutFindings();
    }

    // `count` completed sessions 30 days apart, the last one 30 days before Today, then the proposed session Today.
    private static Scenario WithCompleted(Scenario scenario, int count)
    {
        var result = scenario.At(Clinic.London, Today, 10);
        for (var i = count; i >= 1; i--)
            result = result.WithSession(SessionKind.Completed, Today.AddDays(-30 * i), 10);
        return result;
    }
}
