using Needling.ClinicalRules.Tests.Support;

namespace Needling.ClinicalRules.Tests;

// Intervals are calendar days at the clinic. Across a clock change 14 days is 13d23h or 14d1h of UTC time.
// Clock changes in 2025: London 30 March and 26 October; New York 9 March and 2 November.
public sealed class DaylightSavingTests
{
    private const string PenHyper = "proto.mn-pen.hyperpigmentation";

    [Fact]
    public void Fourteen_days_later_is_allowed_across_the_spring_clock_change_in_London()
    {
        var previous = Clinic.Utc(Clinic.London, 2025, 3, 20, 9);
        var proposed = Clinic.Utc(Clinic.London, 2025, 4, 3, 9);
        Assert.Equal(TimeSpan.FromDays(14) - TimeSpan.FromHours(1), proposed - previous); // the premise

        var decision = Decide(Clinic.London, previous, proposed);

        decision.IsAllowedWithoutFindings();
        Assert.Equal(new DateOnly(2025, 4, 3), decision.EarliestAllowedOn);
    }

    [Fact]
    public void Thirteen_days_later_is_refused_across_the_spring_clock_change_in_London()
    {
        var decision = Decide(Clinic.London, Clinic.Utc(Clinic.London, 2025, 3, 20, 9), Clinic.Utc(Clinic.London, 2025, 4, 2, 9));

        decision.IsRefusedBy(PenHyper);
    }

    [Fact]
    public void Fourteen_days_later_is_allowed_across_the_autumn_clock_change_in_London()
    {
        var previous = Clinic.Utc(Clinic.London, 2025, 10, 20, 9);
        var proposed = Clinic.Utc(Clinic.London, 2025, 11, 3, 9);
        Assert.Equal(TimeSpan.FromDays(14) + TimeSpan.FromHours(1), proposed - previous);

        Decide(Clinic.London, previous, proposed).IsAllowedWithoutFindings();
    }

    [Fact]
    public void Thirteen_days_later_is_refused_across_the_autumn_clock_change_in_London_even_when_14_full_days_have_passed()
    {
        // 00:30 BST on 20 October is still 19 October in UTC; 23:30 GMT on 2 November is 2 November in UTC.
        var previous = Clinic.Utc(Clinic.London, 2025, 10, 20, 0, 30);
        var proposed = Clinic.Utc(Clinic.London, 2025, 11, 2, 23, 30);
        Assert.Equal(TimeSpan.FromDays(14), proposed - previous);

        Decide(Clinic.London, previous, proposed).IsRefusedBy(PenHyper);
    }

    [Fact]
    public void Fourteen_days_later_is_allowed_across_the_spring_clock_change_in_New_York_with_only_13_days_elapsed()
    {
        var previous = Clinic.Utc(Clinic.NewYork, 2025, 3, 1, 23, 30); // 2 March in UTC
        var proposed = Clinic.Utc(Clinic.NewYork, 2025, 3, 15, 0, 30);
        Assert.Equal(TimeSpan.FromDays(13), proposed - previous);

        Decide(Clinic.NewYork, previous, proposed).IsAllowedWithoutFindings();
    }

    [Fact]
    public void Thirteen_days_later_is_refused_across_the_autumn_clock_change_in_New_York_with_14_days_elapsed()
    {
        var previous = Clinic.Utc(Clinic.NewYork, 2025, 10, 26, 0, 30);
        var proposed = Clinic.Utc(Clinic.NewYork, 2025, 11, 8, 23, 30); // 9 November in UTC
        Assert.Equal(TimeSpan.FromDays(14), proposed - previous);

        Decide(Clinic.NewYork, previous, proposed).IsRefusedBy(PenHyper);
    }

    [Fact]
    public void Booking_13_calendar_days_later_across_the_spring_clock_change_in_New_York_refuses_the_earlier_session()
    {
        var proposed = Clinic.Utc(Clinic.NewYork, 2025, 3, 1, 0, 30);
        var booked = Clinic.Utc(Clinic.NewYork, 2025, 3, 14, 23, 30);
        Assert.True(booked - proposed >= TimeSpan.FromDays(13) + TimeSpan.FromHours(22));

        var decision = new Scenario { Zone = Clinic.NewYork, StartUtc = proposed,
            History = [new SessionFact(booked, Codes.MnRoller, Codes.Hyperpigmentation, SessionKind.Booked)] }.Decide();

        decision.IsRefusedBy(PenHyper);
    }

    private static EligibilityDecision Decide(TimeZoneInfo zone, DateTime previousUtc, DateTime proposedUtc) =>
        new Scenario
        {
            Zone = zone,
            StartUtc = proposedUtc,
            History = [new SessionFact(previousUtc, Codes.MnPen, Codes.Hyperpigmentation, SessionKind.Completed)],
        }.Decide();
}
