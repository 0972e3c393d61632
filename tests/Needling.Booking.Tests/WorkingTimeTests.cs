using Needling.Booking.Schedules;
using Needling.Contracts.Clinic;
using static Needling.Booking.Tests.Support.Given;

namespace Needling.Booking.Tests;

public class WorkingTimeTests
{
    private static ScheduleVerdict Check(DateTime start, DateTime end, PractitionerSchedule? schedule = null, ClinicCalendar? clinic = null) =>
        WorkingTime.IsBookable(clinic ?? Clinic(), schedule ?? PractitionerSchedule.WheneverClinicOpen, start, end);

    [Fact]
    public void A_practitioner_with_no_weekly_pattern_can_be_booked_whenever_the_clinic_is_open()
    {
        Assert.True(Check(Utc(Monday, 9), Utc(Monday, 18)).Bookable);
        Assert.Equal(ScheduleVerdict.Ok, Check(Utc(Monday, 17), Utc(Monday, 18)));
    }

    [Fact]
    public void A_day_the_clinic_is_closed_is_refused_as_clinic_closed()
    {
        var verdict = Check(Utc(Monday, 10), Utc(Monday, 11), clinic: Clinic(closures: new ClosedDates(Monday, Monday.AddDays(2))));
        Assert.False(verdict.Bookable);
        Assert.Equal(WorkingTime.ClinicClosed, verdict.RuleId);
        Assert.Contains("2026-12-07", verdict.Message);
    }

    [Fact]
    public void A_time_running_past_closing_or_at_the_weekend_is_refused_as_outside_opening_hours()
    {
        Assert.Equal(WorkingTime.OutsideOpeningHours, Check(Utc(Monday, 17, 30), Utc(Monday, 18, 30)).RuleId);
        Assert.Equal(WorkingTime.OutsideOpeningHours, Check(Utc(Monday, 8, 45), Utc(Monday, 9, 45)).RuleId);
        Assert.Equal(WorkingTime.OutsideOpeningHours, Check(Utc(Saturday, 10), Utc(Saturday, 11)).RuleId);
    }

    [Fact]
    public void A_lunch_break_splits_opening_hours_and_periods_that_touch_do_not()
    {
        var lunch = Clinic(hours: [new(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0)), new(DayOfWeek.Monday, new TimeOnly(13, 0), new TimeOnly(17, 0))]);
        Assert.Equal(WorkingTime.OutsideOpeningHours, Check(Utc(Monday, 11, 30), Utc(Monday, 12, 30), clinic: lunch).RuleId);
        var touching = Clinic(hours: [new(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0)), new(DayOfWeek.Monday, new TimeOnly(12, 0), new TimeOnly(17, 0))]);
        Assert.True(Check(Utc(Monday, 11, 30), Utc(Monday, 12, 30), clinic: touching).Bookable);
    }

    [Fact]
    public void A_practitioner_on_leave_is_refused_as_on_leave()
    {
        var verdict = Check(Utc(Monday, 10), Utc(Monday, 11), Schedule(leave: [OnLeave(Monday.AddDays(-3), Monday)]));
        Assert.Equal(WorkingTime.PractitionerOnLeave, verdict.RuleId);
        Assert.True(Check(Utc(Monday, 10).AddDays(1), Utc(Monday, 11).AddDays(1), Schedule(leave: [OnLeave(Monday.AddDays(-3), Monday)])).Bookable);
    }

    [Fact]
    public void Outside_the_weekly_pattern_is_refused_as_not_working()
    {
        var schedule = Schedule(weekly: [Works(DayOfWeek.Monday, 9, 13)]);
        Assert.True(Check(Utc(Monday, 12), Utc(Monday, 13), schedule).Bookable);
        Assert.Equal(WorkingTime.PractitionerNotWorking, Check(Utc(Monday, 12, 30), Utc(Monday, 13, 30), schedule).RuleId);
        Assert.Equal(WorkingTime.PractitionerNotWorking, Check(Utc(Monday, 10).AddDays(1), Utc(Monday, 11).AddDays(1), schedule).RuleId);
    }

    [Fact]
    public void An_exception_overrides_the_weekly_pattern_and_a_day_off_is_not_working()
    {
        var schedule = Schedule(weekly: [Works(DayOfWeek.Monday, 9, 13)], exceptions: [Instead(Monday, 14, 17)]);
        Assert.True(Check(Utc(Monday, 15), Utc(Monday, 16), schedule).Bookable);
        Assert.Equal(WorkingTime.PractitionerNotWorking, Check(Utc(Monday, 10), Utc(Monday, 11), schedule).RuleId);
        Assert.Equal(WorkingTime.PractitionerNotWorking, Check(Utc(Monday, 10), Utc(Monday, 11), Schedule(exceptions: [DayOff(Monday)])).RuleId);
    }

    [Fact]
    public void Reasons_are_given_in_order_closed_then_hours_then_leave_then_working_time()
    {
        var everything = Schedule(weekly: [Works(DayOfWeek.Tuesday, 9, 10)], leave: [OnLeave(Monday, Monday)]);
        Assert.Equal(WorkingTime.ClinicClosed, Check(Utc(Monday, 7), Utc(Monday, 8), everything, Clinic(closures: new ClosedDates(Monday, Monday))).RuleId);
        Assert.Equal(WorkingTime.OutsideOpeningHours, Check(Utc(Monday, 7), Utc(Monday, 8), everything).RuleId);
        Assert.Equal(WorkingTime.PractitionerOnLeave, Check(Utc(Monday, 10), Utc(Monday, 11), everything).RuleId);
    }

    [Fact]
    public void Opening_hours_are_local_time_in_the_clinics_zone()
    {
        // Asia/Tokyo is UTC+9: 09:00-18:00 local is 00:00-09:00 UTC.
        var tokyo = Clinic("Asia/Tokyo");
        Assert.True(Check(Utc(Monday, 0), Utc(Monday, 1), clinic: tokyo).Bookable);
        Assert.Equal(WorkingTime.OutsideOpeningHours, Check(Utc(Monday, 9), Utc(Monday, 10), clinic: tokyo).RuleId);
    }

    [Fact]
    public void A_refusal_becomes_a_rule_violation_naming_the_rule()
    {
        var verdict = Check(Utc(Saturday, 10), Utc(Saturday, 11));
        var problem = Assert.Throws<Needling.SharedKernel.Errors.RuleViolationException>(verdict.ThrowIfRefused);
        Assert.Equal(WorkingTime.OutsideOpeningHours, problem.RuleId);
        ScheduleVerdict.Ok.ThrowIfRefused();
    }
}
