using Needling.ClinicalRules.Tests.Support;

namespace Needling.ClinicalRules.Tests;

// Every default minimum interval at its boundary, against a past completed session and a future booking.
// Times sit near midnight in clinics on summer time, so that the UTC date (and the elapsed hours) say the
// opposite of the local calendar date: only local-date counting passes both directions.
public sealed class IntervalBoundaryTests
{
    private static readonly DateOnly P = new(2025, 7, 1);

    public static TheoryData<string, string, string, int, string> Intervals()
    {
        var data = new TheoryData<string, string, string, int, string>();
        foreach (var zone in new[] { "Europe/London", "America/New_York" })
        {
            data.Add("proto.mn-pen.hyperpigmentation", Codes.MnPen, Codes.Hyperpigmentation, 14, zone);
            data.Add("proto.mn-roller.hyperpigmentation", Codes.MnRoller, Codes.Hyperpigmentation, 14, zone);
            data.Add("proto.mn-pen.hypopigmentation", Codes.MnPen, Codes.Hypopigmentation, 14, zone);
            data.Add("proto.mn-roller.hypopigmentation", Codes.MnRoller, Codes.Hypopigmentation, 14, zone);
            data.Add("proto.mn-roller.idiopathic-guttate-hypomelanosis", Codes.MnRoller, Codes.IdiopathicGuttateHypomelanosis, 21, zone);
            data.Add("proto.mn-pen.acne-scars", Codes.MnPen, Codes.AcneScars, 28, zone);
            data.Add("proto.dry-needling.musculoskeletal", Codes.DryNeedling, Codes.Musculoskeletal, 7, zone);
            data.Add("proto.dry-needling.cosmetic-facial", Codes.DryNeedling, Codes.CosmeticFacial, 7, zone);
            data.Add("proto.uc-msc.pigmentation", Codes.UcMsc, Codes.Pigmentation, 28, zone);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Intervals))]
    public void A_session_one_day_short_of_the_interval_after_a_completed_session_is_refused(
        string protocolId, string treatment, string indication, int days, string zone)
    {
        var decision = Scenario.For(treatment, indication)
            .At(Clinic.Zone(zone), P.AddDays(days - 1), 23, 40)
            .WithSession(SessionKind.Completed, P, 0, 20)
            .Decide();

        decision.IsRefusedBy(protocolId);
        Assert.Equal(P.AddDays(days), decision.EarliestAllowedOn);
    }

    [Theory]
    [MemberData(nameof(Intervals))]
    public void A_session_on_the_interval_day_after_a_completed_session_is_allowed(
        string protocolId, string treatment, string indication, int days, string zone)
    {
        var decision = Scenario.For(treatment, indication)
            .At(Clinic.Zone(zone), P.AddDays(days), 0, 20)
            .WithSession(SessionKind.Completed, P, 23, 40)
            .Decide();

        decision.HasNo(protocolId);
        Assert.Equal(Outcome.Allowed, decision.Outcome);
        Assert.Equal(P.AddDays(days), decision.EarliestAllowedOn);
    }

    [Theory]
    [MemberData(nameof(Intervals))]
    public void A_session_one_day_short_of_the_interval_before_a_booked_session_is_refused(
        string protocolId, string treatment, string indication, int days, string zone)
    {
        var decision = Scenario.For(treatment, indication)
            .At(Clinic.Zone(zone), P, 0, 20)
            .WithSession(SessionKind.Booked, P.AddDays(days - 1), 23, 40)
            .Decide();

        decision.IsRefusedBy(protocolId);
        Assert.Null(decision.EarliestAllowedOn); // nothing on or before the proposed date
    }

    [Theory]
    [MemberData(nameof(Intervals))]
    public void A_session_on_the_interval_day_before_a_booked_session_is_allowed(
        string protocolId, string treatment, string indication, int days, string zone)
    {
        var decision = Scenario.For(treatment, indication)
            .At(Clinic.Zone(zone), P, 23, 40)
            .WithSession(SessionKind.Booked, P.AddDays(days), 0, 20)
            .Decide();

        decision.HasNo(protocolId);
        Assert.Equal(Outcome.Allowed, decision.Outcome);
    }
}
