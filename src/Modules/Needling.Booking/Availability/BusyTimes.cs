using Needling.Booking.Schedules;

namespace Needling.Booking.Availability;

/// <summary>When each practitioner, room and device is taken: sorted, merged UTC intervals per resource.</summary>
internal sealed class BusyTimes
{
    /// <summary>
    /// Treatments last 5 to 480 minutes (the Clinic module refuses others), so no appointment lasts a day:
    /// looking back this far from the start of a range finds every appointment that can overlap it, and
    /// lets the (resource, start) indexes bound the scan from both sides.
    /// </summary>
    public static readonly TimeSpan LongestAppointment = TimeSpan.FromDays(1);

    public static BusyTimes None { get; } = new([], [], []);

    private readonly Dictionary<Guid, UtcInterval[]> _practitioners;
    private readonly Dictionary<Guid, UtcInterval[]> _rooms;
    private readonly Dictionary<Guid, UtcInterval[]> _devices;

    public BusyTimes(
        IEnumerable<(Guid Id, DateTime Start, DateTime End)> practitioners,
        IEnumerable<(Guid Id, DateTime Start, DateTime End)> rooms,
        IEnumerable<(Guid Id, DateTime Start, DateTime End)> devices)
    {
        _practitioners = Index(practitioners);
        _rooms = Index(rooms);
        _devices = Index(devices);
    }

    public IReadOnlyList<UtcInterval> Practitioner(Guid id) => _practitioners.GetValueOrDefault(id) ?? [];

    public IReadOnlyList<UtcInterval> Room(Guid id) => _rooms.GetValueOrDefault(id) ?? [];

    public IReadOnlyList<UtcInterval> Device(Guid id) => _devices.GetValueOrDefault(id) ?? [];

    private static Dictionary<Guid, UtcInterval[]> Index(IEnumerable<(Guid Id, DateTime Start, DateTime End)> rows)
    {
        var lists = new Dictionary<Guid, List<UtcInterval>>();
        foreach (var (id, start, end) in rows)
        {
            if (end <= start)
            {
                continue;
            }
            if (!lists.TryGetValue(id, out var list))
            {
                lists[id] = list = [];
            }
            list.Add(new UtcInterval(start, end));
        }
        return lists.ToDictionary(kv => kv.Key, kv => UtcInterval.Merge(kv.Value).ToArray());
    }

    /// <summary>The parts of sorted, disjoint <paramref name="windows"/> not in sorted, disjoint <paramref name="busy"/>.</summary>
    public static List<UtcInterval> Subtract(IReadOnlyList<UtcInterval> windows, IReadOnlyList<UtcInterval> busy)
    {
        if (busy.Count == 0)
        {
            return [.. windows];
        }
        var free = new List<UtcInterval>(windows.Count + 2);
        var b = FirstEndingAfter(busy, windows.Count > 0 ? windows[0].Start : DateTime.MaxValue);
        foreach (var w in windows)
        {
            var cursor = w.Start;
            while (b < busy.Count && busy[b].End <= cursor)
            {
                b++;
            }
            var i = b;
            while (i < busy.Count && busy[i].Start < w.End)
            {
                if (busy[i].Start > cursor)
                {
                    free.Add(new UtcInterval(cursor, busy[i].Start));
                }
                if (busy[i].End > cursor)
                {
                    cursor = busy[i].End;
                }
                if (cursor >= w.End)
                {
                    break;
                }
                i++;
            }
            if (cursor < w.End)
            {
                free.Add(new UtcInterval(cursor, w.End));
            }
        }
        return free;
    }

    // Merged intervals are sorted by end as well as by start, so a binary search finds the first that matters.
    private static int FirstEndingAfter(IReadOnlyList<UtcInterval> sorted, DateTime t)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid].End <= t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
