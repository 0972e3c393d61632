using Needling.Booking.Schedules;

namespace Needling.Booking.Availability;

/// <summary>A practitioner who may give the treatment, up to and including <see cref="QualifiedUntil"/> (local date).</summary>
internal sealed record SlotCandidate(Guid PractitionerId, DateOnly QualifiedUntil, PractitionerSchedule Schedule);

/// <summary>
/// Everything a slot search needs, already loaded. <see cref="Devices"/> is null when the treatment needs
/// no device (an empty list means it needs one and none exists: no slots). Practitioners, rooms and devices
/// are tried in the order given. <see cref="PatientMay"/>, when a search is for one patient: whether the rules let that
/// patient have the treatment on a local date from a practitioner (decided beforehand; this stays pure).
/// </summary>
internal sealed record SlotSearch(
    ClinicHours Clinic, DateOnly From, DateOnly To, TimeSpan Duration, DateTime NowUtc,
    IReadOnlyList<SlotCandidate> Practitioners, IReadOnlyList<Guid> Rooms, IReadOnlyList<Guid>? Devices, BusyTimes Busy,
    int MaxSlots = SlotFinder.DefaultMaxSlots, Func<DateOnly, Guid, bool>? PatientMay = null);

internal readonly record struct Slot(DateTime StartUtc, DateTime EndUtc, Guid PractitionerId, Guid RoomId, Guid? DeviceId);

internal sealed record SlotResult(IReadOnlyList<Slot> Slots, bool Truncated)
{
    public static SlotResult Empty { get; } = new([], false);
}

/// <summary>
/// Free appointment slots: starts on a 15-minute grid of clinic local time, within opening hours and the
/// practitioner's working time, not in the past, and with the practitioner, a room and (if needed) a device
/// free for the whole duration. Pure: a function of its input, the current time included.
/// </summary>
/// <remarks>
/// Works on intervals, not minutes: per local day it subtracts busy intervals from open intervals once per
/// resource, then walks the grid only through each practitioner's free intervals, asking each room and device
/// by binary search. Ordered by start, then by the order the practitioners were given.
/// </remarks>
internal static class SlotFinder
{
    public const int DefaultMaxSlots = 1000;
    public static readonly TimeSpan Grid = TimeSpan.FromMinutes(15);

    public static SlotResult Find(SlotSearch q)
    {
        if (q.Practitioners.Count == 0 || q.Rooms.Count == 0 || q.Devices is { Count: 0 } || q.Duration <= TimeSpan.Zero || q.MaxSlots <= 0)
        {
            return SlotResult.Empty;
        }
        var slots = new List<Slot>();
        var day = new List<(Slot Slot, int Order)>();
        var roomFree = new List<UtcInterval>[q.Rooms.Count];
        var deviceFree = q.Devices is null ? null : new List<UtcInterval>[q.Devices.Count];
        for (var date = q.From; date <= q.To; date = date.AddDays(1))
        {
            var open = WorkingTime.OpenIntervals(q.Clinic, date);
            if (open.Count == 0 || open[^1].End - q.Duration < q.NowUtc)
            {
                continue;
            }
            for (var r = 0; r < q.Rooms.Count; r++)
            {
                roomFree[r] = BusyTimes.Subtract(open, q.Busy.Room(q.Rooms[r]));
            }
            for (var d = 0; deviceFree is not null && d < deviceFree.Length; d++)
            {
                deviceFree[d] = BusyTimes.Subtract(open, q.Busy.Device(q.Devices![d]));
            }
            day.Clear();
            for (var p = 0; p < q.Practitioners.Count; p++)
            {
                var candidate = q.Practitioners[p];
                if (date > candidate.QualifiedUntil || (q.PatientMay is { } may && !may(date, candidate.PractitionerId)))
                {
                    continue;
                }
                var working = WorkingTime.WorkingIntervals(q.Clinic, candidate.Schedule, date);
                var bookable = working is null ? open : UtcInterval.Intersect(open, working);
                foreach (var window in BusyTimes.Subtract(bookable, q.Busy.Practitioner(candidate.PractitionerId)))
                {
                    var first = FirstGridPoint(q.Clinic, window.Start > q.NowUtc ? window.Start : q.NowUtc);
                    for (var start = first; start + q.Duration <= window.End; start += Grid)
                    {
                        var end = start + q.Duration;
                        var room = FirstCovering(roomFree, start, end);
                        if (room < 0)
                        {
                            continue;
                        }
                        Guid? device = null;
                        if (deviceFree is not null)
                        {
                            var d = FirstCovering(deviceFree, start, end);
                            if (d < 0)
                            {
                                continue;
                            }
                            device = q.Devices![d];
                        }
                        day.Add((new Slot(start, end, candidate.PractitionerId, q.Rooms[room], device), p));
                    }
                }
            }
            day.Sort(static (a, b) => a.Slot.StartUtc != b.Slot.StartUtc ? a.Slot.StartUtc.CompareTo(b.Slot.StartUtc) : a.Order.CompareTo(b.Order));
            foreach (var (slot, _) in day)
            {
                if (slots.Count == q.MaxSlots)
                {
                    return new SlotResult(slots, Truncated: true);
                }
                slots.Add(slot);
            }
        }
        return new SlotResult(slots, Truncated: false);
    }

    /// <summary>The first instant at or after <paramref name="utc"/> that falls on the 15-minute grid of local time.</summary>
    public static DateTime FirstGridPoint(ClinicHours clinic, DateTime utc)
    {
        var local = utc.Ticks + clinic.Zone.GetUtcOffset(utc).Ticks;
        var rest = local % Grid.Ticks;
        return rest == 0 ? utc : new DateTime(utc.Ticks + Grid.Ticks - rest, DateTimeKind.Utc);
    }

    private static int FirstCovering(List<UtcInterval>[] free, DateTime start, DateTime end)
    {
        for (var i = 0; i < free.Length; i++)
        {
            if (UtcInterval.AnyCovers(free[i], start, end))
            {
                return i;
            }
        }
        return -1;
    }
}
