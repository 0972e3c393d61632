using Needling.ClinicalRules.Tests.Support;

namespace Needling.ClinicalRules.Tests;

public sealed class IntervalTests
{
    private static readonly DateOnly March1 = new(2025, 3, 1);
    private const string PenHyper = "proto.mn-pen.hyperpigmentation";

    [Fact]
    public void Second_microneedling_session_13_days_later_is_refused()
    {
        var decision = new Scenario().At(Clinic.London, March1, 10).WithSession(SessionKind.Completed, March1, 10)
            .At(Clinic.London, March1.AddDays(13), 10).Decide();

        decision.IsRefusedBy(PenHyper);
    }

    [Fact]
    public void Second_microneedling_session_14_days_later_is_allowed()
    {
        var decision = new Scenario().At(Clinic.London, March1, 10).WithSession(SessionKind.Completed, March1, 10)
            .At(Clinic.London, March1.AddDays(14), 10).Decide();

        decision.IsAllowedWithoutFindings();
    }

    [Fact]
    public void Refusal_names_the_previous_session_date_and_the_earliest_allowed_date()
    {
        var decision = new Scenario().At(Clinic.London, March1, 10).WithSession(SessionKind.Completed, March1, 10)
            .At(Clinic.London, March1.AddDays(13), 10).Decide();

        var finding = decision.Single(PenHyper);
        Assert.Contains("2025-03-01", finding.Message, StringComparison.Ordinal);
        Assert.Contains("2025-03-15", finding.Message, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 3, 15), decision.EarliestAllowedOn);
    }

    [Fact]
    public void Refusal_before_a_booking_names_the_booking_and_the_dates_either_side()
    {
        var decision = new Scenario().At(Clinic.London, March1.AddDays(10), 10).WithSession(SessionKind.Booked, March1.AddDays(10), 10)
            .At(Clinic.London, March1, 10).Decide();

        var message = decision.Single(PenHyper).Message;
        Assert.Contains("booked", message, StringComparison.Ordinal);
        Assert.Contains("2025-03-11", message, StringComparison.Ordinal); // the booking
        Assert.Contains("2025-03-25", message, StringComparison.Ordinal); // earliest date after it
        Assert.Contains("2025-02-25", message, StringComparison.Ordinal); // latest date before it
    }

    [Fact]
    public void Earliest_allowed_date_counts_from_the_latest_session_on_or_before_the_proposed_date()
    {
        var decision = new Scenario()
            .At(Clinic.London, March1, 10)
            .WithSession(SessionKind.Completed, March1.AddDays(-30), 10)
            .WithSession(SessionKind.Completed, March1.AddDays(-15), 10, treatment: Codes.MnRoller)
            .WithSession(SessionKind.Booked, March1.AddDays(20), 10)
            .Decide();

        Assert.Equal(March1.AddDays(-1), decision.EarliestAllowedOn);
        decision.IsAllowedWithoutFindings();
    }

    [Fact]
    public void No_previous_session_means_no_earliest_allowed_date()
    {
        Assert.Null(new Scenario().Decide().EarliestAllowedOn);
    }

    [Fact]
    public void Booked_session_on_the_same_day_is_refused()
    {
        var decision = new Scenario().At(Clinic.London, March1, 9).WithSession(SessionKind.Booked, March1, 9)
            .At(Clinic.London, March1, 15).Decide();

        decision.IsRefusedBy(PenHyper);
    }

    [Fact]
    public void Earlier_booking_not_yet_done_counts_like_a_completed_session()
    {
        var decision = new Scenario().At(Clinic.London, March1, 10).WithSession(SessionKind.Booked, March1, 10)
            .At(Clinic.London, March1.AddDays(7), 10).Decide();

        decision.IsRefusedBy(PenHyper);
        Assert.Equal(March1.AddDays(14), decision.EarliestAllowedOn);
    }

    [Fact]
    public void Roller_session_counts_toward_the_pen_interval()
    {
        var decision = new Scenario().At(Clinic.London, March1, 10)
            .WithSession(SessionKind.Completed, March1, 10, treatment: Codes.MnRoller, indication: Codes.Hypopigmentation)
            .At(Clinic.London, March1.AddDays(10), 10).Decide();

        decision.IsRefusedBy(PenHyper);
    }

    [Fact]
    public void Pen_session_for_acne_scars_counts_toward_the_roller_interval_for_guttate_hypomelanosis()
    {
        var decision = Scenario.For(Codes.MnRoller, Codes.IdiopathicGuttateHypomelanosis).At(Clinic.London, March1, 10)
            .WithSession(SessionKind.Completed, March1, 10, treatment: Codes.MnPen, indication: Codes.AcneScars)
            .At(Clinic.London, March1.AddDays(20), 10).Decide();

        decision.IsRefusedBy("proto.mn-roller.idiopathic-guttate-hypomelanosis");
    }

    [Fact]
    public void Dry_needling_three_days_earlier_does_not_delay_microneedling()
    {
        var decision = new Scenario().At(Clinic.London, March1, 10)
            .WithSession(SessionKind.Completed, March1, 10, treatment: Codes.DryNeedling, indication: Codes.Musculoskeletal)
            .At(Clinic.London, March1.AddDays(3), 10).Decide();

        decision.IsAllowedWithoutFindings();
        Assert.Null(decision.EarliestAllowedOn);
    }
}
