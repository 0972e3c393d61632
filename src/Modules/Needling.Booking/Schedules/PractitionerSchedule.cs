using Needling.Booking.Domain;

namespace Needling.Booking.Schedules;

/// <summary>
/// One practitioner's weekly pattern, with the exceptions and leave that fall in the dates of interest.
/// An empty weekly pattern means "whenever the clinic is open", so a new clinic can book at once.
/// </summary>
internal sealed record PractitionerSchedule(
    IReadOnlyList<WorkingPeriod> Weekly, IReadOnlyList<ScheduleException> Exceptions, IReadOnlyList<Leave> Leave)
{
    public static PractitionerSchedule WheneverClinicOpen { get; } = new([], [], []);

    public bool OnLeave(DateOnly date)
    {
        foreach (var l in Leave)
        {
            if (l.FromDate <= date && date <= l.ToDate)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The local periods worked on <paramref name="date"/>, or null when there is no weekly pattern and no
    /// exception that day (then the practitioner works whenever the clinic is open). Leave is not applied here.
    /// </summary>
    public IReadOnlyList<(TimeOnly Start, TimeOnly End)>? PeriodsOn(DateOnly date)
    {
        List<(TimeOnly, TimeOnly)>? fromException = null;
        foreach (var e in Exceptions)
        {
            if (e.Date != date)
            {
                continue;
            }
            fromException ??= [];
            if (e.Start is { } start && e.End is { } end)
            {
                fromException.Add((start, end));
            }
            else
            {
                return []; // a day off
            }
        }
        if (fromException is not null)
        {
            return fromException;
        }
        if (Weekly.Count == 0)
        {
            return null;
        }
        var day = date.DayOfWeek;
        var periods = new List<(TimeOnly, TimeOnly)>(2);
        foreach (var w in Weekly)
        {
            if (w.Day == day)
            {
                periods.Add((w.Start, w.End));
            }
        }
        return periods;
    }
}
