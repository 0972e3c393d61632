namespace Needling.Booking.Schedules;

/// <summary>A half-open UTC interval [Start, End).</summary>
internal readonly record struct UtcInterval(DateTime Start, DateTime End)
{
    public bool Covers(DateTime start, DateTime end) => Start <= start && end <= End;

    /// <summary>Sorts and joins overlapping or touching intervals (09:00-12:30 and 12:30-18:00 are one).</summary>
    public static List<UtcInterval> Merge(List<UtcInterval> intervals)
    {
        if (intervals.Count < 2)
        {
            return intervals;
        }
        intervals.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<UtcInterval>(intervals.Count) { intervals[0] };
        for (var i = 1; i < intervals.Count; i++)
        {
            var last = merged[^1];
            var next = intervals[i];
            if (next.Start <= last.End)
            {
                merged[^1] = last with { End = next.End > last.End ? next.End : last.End };
            }
            else
            {
                merged.Add(next);
            }
        }
        return merged;
    }

    /// <summary>The parts of <paramref name="a"/> that are also in <paramref name="b"/>; both sorted and disjoint.</summary>
    public static List<UtcInterval> Intersect(IReadOnlyList<UtcInterval> a, IReadOnlyList<UtcInterval> b)
    {
        var result = new List<UtcInterval>();
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            var start = a[i].Start > b[j].Start ? a[i].Start : b[j].Start;
            var end = a[i].End < b[j].End ? a[i].End : b[j].End;
            if (start < end)
            {
                result.Add(new UtcInterval(start, end));
            }
            if (a[i].End < b[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return result;
    }

    /// <summary>True when one interval of a sorted, disjoint list covers [start, end).</summary>
    public static bool AnyCovers(IReadOnlyList<UtcInterval> sorted, DateTime start, DateTime end)
    {
        // Binary search for the last interval starting at or before `start`.
        int lo = 0, hi = sorted.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid].Start <= start)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found >= 0 && sorted[found].End >= end;
    }
}
