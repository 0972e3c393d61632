using Needling.Contracts.Clinic;

namespace Needling.Booking.Schedules;

/// <summary>
/// The clinic's calendar made ready for computing: its time zone resolved, opening hours by weekday, and
/// the conversions between local clinic time and UTC (the only place where the zone is applied).
/// </summary>
internal sealed class ClinicHours
{
    private readonly (TimeOnly Opens, TimeOnly Closes)[][] _byDay = new (TimeOnly, TimeOnly)[7][];
    private readonly ClosedDates[] _closures;

    public ClinicHours(ClinicCalendar calendar)
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZoneId);
        for (var d = 0; d < 7; d++)
        {
            _byDay[d] = calendar.OpeningHours.Where(h => (int)h.Day == d && h.Opens < h.Closes)
                .OrderBy(h => h.Opens).Select(h => (h.Opens, h.Closes)).ToArray();
        }
        _closures = [.. calendar.Closures];
    }

    public TimeZoneInfo Zone { get; }

    public bool IsClosed(DateOnly date)
    {
        foreach (var c in _closures)
        {
            if (c.FromDate <= date && date <= c.ToDate)
            {
                return true;
            }
        }
        return false;
    }

    public IReadOnlyList<(TimeOnly Opens, TimeOnly Closes)> OpeningOn(DayOfWeek day) => _byDay[(int)day];

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Zone));

    public DateTimeOffset ToLocal(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToOffset(Zone.GetUtcOffset(utc));

    /// <summary>
    /// A local wall-clock time as UTC. Times skipped by a daylight-saving change move forward by the gap
    /// and repeated times take the earlier instant (the "lenient" rule of NodaTime), so a period that
    /// touches a change still has a start and an end.
    /// </summary>
    public DateTime ToUtc(DateOnly date, TimeOnly time) => ToUtc(date.ToDateTime(time, DateTimeKind.Unspecified));

    public DateTime ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (Zone.IsInvalidTime(local))
        {
            offset = Zone.GetUtcOffset(local.AddDays(-1)); // the offset in force before the gap
        }
        else if (Zone.IsAmbiguousTime(local))
        {
            offset = Zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = Zone.GetUtcOffset(local);
        }
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    /// <summary>The whole local day [00:00, next 00:00) as UTC.</summary>
    public UtcInterval Day(DateOnly date) => new(ToUtc(date, TimeOnly.MinValue), ToUtc(date.AddDays(1), TimeOnly.MinValue));
}
