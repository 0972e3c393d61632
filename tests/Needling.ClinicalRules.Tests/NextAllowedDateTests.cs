using Needling.ClinicalRules.Tests.Support;

namespace Needling.ClinicalRules.Tests;

// MN-PEN for hyperpigmentation: 14 days between sessions (seed 002), counted in both directions.
public sealed class NextAllowedDateTests
{
    private static readonly DateOnly March1 = new(2025, 3, 1);

    private static DateOnly? Next(Scenario s, DateOnly today) => NextAllowedDate.Find(s.Input(), today);

    [Fact]
    public void After_one_session_the_next_date_is_14_days_later()
    {
        var s = new Scenario().WithSession(SessionKind.Completed, March1, 10).At(Clinic.London, March1.AddDays(13), 10);

        Assert.Equal(March1.AddDays(14), Next(s, March1));
    }

    [Fact]
    public void A_booking_20_days_after_the_last_session_pushes_the_next_date_to_14_days_after_that_booking()
    {
        // Day 14 is only 6 days before the booking on day 20; day 34 is the first 14 days clear of both.
        var s = new Scenario().WithSession(SessionKind.Completed, March1, 10).WithSession(SessionKind.Booked, March1.AddDays(20), 10)
            .At(Clinic.London, March1.AddDays(10), 10);

        Assert.Equal(March1.AddDays(34), Next(s, March1));
    }

    [Fact]
    public void A_booking_28_days_after_the_last_session_leaves_day_14_free()
    {
        // Day 14 is exactly 14 days before the booking on day 28: allowed on both sides.
        var s = new Scenario().WithSession(SessionKind.Completed, March1, 10).WithSession(SessionKind.Booked, March1.AddDays(28), 10)
            .At(Clinic.London, March1.AddDays(10), 10);

        Assert.Equal(March1.AddDays(14), Next(s, March1));
    }

    [Fact]
    public void Thirty_days_after_the_last_session_the_next_date_is_today()
    {
        var s = new Scenario().WithSession(SessionKind.Completed, March1, 10).At(Clinic.London, March1.AddDays(40), 10);

        Assert.Equal(March1.AddDays(30), Next(s, March1.AddDays(30)));
    }

    [Fact]
    public void With_no_session_counted_there_is_no_next_date_to_name()
    {
        Assert.Null(Next(new Scenario().At(Clinic.London, March1, 10), March1));
    }
}
