using Needling.Contracts.Clinic;
using Needling.SharedKernel.Errors;

namespace Needling.Booking.Schedules;

/// <summary>Whether a time may be booked as far as hours are concerned, and if not, which rule says no.</summary>
internal sealed record ScheduleVerdict(bool Bookable, string? RuleId, string? Message)
{
    public static ScheduleVerdict Ok { get; } = new(true, null, null);

    public static ScheduleVerdict No(string ruleId, string message) => new(false, ruleId, message);

    /// <summary>422 naming the rule, when the time is not bookable.</summary>
    public void ThrowIfRefused()
    {
        if (!Bookable)
        {
            throw new RuleViolationException(RuleId!, Message!);
        }
    }
}

/// <summary>
/// Pure functions over the clinic's opening hours and a practitioner's working time. Local dates and times
/// are the clinic's; every interval returned is UTC.
/// </summary>
internal static class WorkingTime
{
    public const string ClinicClosed = "schedule.clinic-closed";
    public const string OutsideOpeningHours = "schedule.outside-opening-hours";
    public const string PractitionerNotWorking = "schedule.practitioner-not-working";
    public const string PractitionerOnLeave = "schedule.practitioner-on-leave";

    /// <summary>
    /// True when all of [startUtc, endUtc) lies within the clinic's opening hours on days it is not closed,
    /// and within the practitioner's working time on days they are not on leave. Otherwise the first reason,
    /// checked in this order: clinic closed, outside opening hours, practitioner on leave, not working.
    /// </summary>
    public static ScheduleVerdict IsBookable(ClinicCalendar clinic, PractitionerSchedule schedule, DateTime startUtc, DateTime endUtc) =>
        IsBookable(new ClinicHours(clinic), schedule, startUtc, endUtc);

    public static ScheduleVerdict IsBookable(ClinicHours clinic, PractitionerSchedule schedule, DateTime startUtc, DateTime endUtc)
    {
        if (endUtc <= startUtc)
        {
            throw new ArgumentException("The end must be after the start.", nameof(endUtc));
        }
        var first = clinic.LocalDate(startUtc);
        var last = clinic.LocalDate(endUtc.AddTicks(-1));
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            if (clinic.IsClosed(d))
            {
                return ScheduleVerdict.No(ClinicClosed, $"The clinic is closed on {d:yyyy-MM-dd}.");
            }
        }
        var open = new List<UtcInterval>();
        var working = new List<UtcInterval>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            open.AddRange(OpenIntervals(clinic, d));
            working.AddRange(WorkingIntervals(clinic, schedule, d) ?? [clinic.Day(d)]);
        }
        if (!UtcInterval.AnyCovers(UtcInterval.Merge(open), startUtc, endUtc))
        {
            return ScheduleVerdict.No(OutsideOpeningHours, "The time is outside the clinic's opening hours.");
        }
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            if (schedule.OnLeave(d))
            {
                return ScheduleVerdict.No(PractitionerOnLeave, $"The practitioner is on leave on {d:yyyy-MM-dd}.");
            }
        }
        if (!UtcInterval.AnyCovers(UtcInterval.Merge(working), startUtc, endUtc))
        {
            return ScheduleVerdict.No(PractitionerNotWorking, "The practitioner does not work at that time.");
        }
        return ScheduleVerdict.Ok;
    }

    /// <summary>The clinic's opening periods on a local date, sorted; none when it is closed that day.</summary>
    public static List<UtcInterval> OpenIntervals(ClinicHours clinic, DateOnly date)
    {
        if (clinic.IsClosed(date))
        {
            return [];
        }
        var hours = clinic.OpeningOn(date.DayOfWeek);
        var result = new List<UtcInterval>(hours.Count);
        foreach (var (opens, closes) in hours)
        {
            result.Add(new UtcInterval(clinic.ToUtc(date, opens), clinic.ToUtc(date, closes)));
        }
        return UtcInterval.Merge(result);
    }

    /// <summary>
    /// The practitioner's working periods on a local date, sorted; none on leave or on a day off; null when
    /// no weekly pattern is set and no exception applies (the practitioner works whenever the clinic is open).
    /// </summary>
    public static List<UtcInterval>? WorkingIntervals(ClinicHours clinic, PractitionerSchedule schedule, DateOnly date)
    {
        if (schedule.OnLeave(date))
        {
            return [];
        }
        var periods = schedule.PeriodsOn(date);
        if (periods is null)
        {
            return null;
        }
        var result = new List<UtcInterval>(periods.Count);
        foreach (var (start, end) in periods)
        {
            if (start < end)
            {
                result.Add(new UtcInterval(clinic.ToUtc(date, start), clinic.ToUtc(date, end)));
            }
        }
        return UtcInterval.Merge(result);
    }

    /// <summary>When on a local date the practitioner can see patients: opening hours and working time together.</summary>
    public static List<UtcInterval> BookableIntervals(ClinicHours clinic, PractitionerSchedule schedule, DateOnly date)
    {
        var open = OpenIntervals(clinic, date);
        if (open.Count == 0)
        {
            return open;
        }
        var working = WorkingIntervals(clinic, schedule, date);
        return working is null ? open : UtcInterval.Intersect(open, working);
    }
}
