using System.Globalization;

namespace Needling.ClinicalRules;

// Minimum interval between sessions. Booked sessions count as well as completed ones, and in both
// directions: a booking that lands too close to a later booking would harm the skin barrier just the same
// (seed 002: sessions too close impair the barrier). Sessions count across the related treatments the protocol
// lists (pen and roller are both microneedling) when they needle the same area: the barrier that needs time to
// heal is the skin that was needled. A session or a booking whose areas are unknown counts everywhere.
internal static class IntervalCheck
{
    // Returns EarliestAllowedOn: the last counted session on or before the date + the minimum interval.
    public static DateOnly? AddTo(List<Finding> findings, ProtocolRule protocol, DateOnly date,
        IReadOnlyList<SessionFact> history, DateOnly[] sessionDates, IReadOnlyList<string>? treatedAreas)
    {
        DateOnly? lastOnOrBefore = null;
        List<string>? conflicts = null;
        for (var i = 0; i < history.Count; i++)
        {
            if (!protocol.IntervalCountsTreatments.Contains(history[i].TreatmentCode) || !SameArea(history[i].Areas, treatedAreas))
                continue;
            var other = sessionDates[i];
            var gap = date.DayNumber - other.DayNumber;
            if (gap >= 0 && (lastOnOrBefore is null || other > lastOnOrBefore))
                lastOnOrBefore = other;
            if (Math.Abs(gap) < protocol.MinIntervalDays)
                (conflicts ??= []).Add(Describe(history[i], other, gap, protocol.MinIntervalDays));
        }

        if (conflicts is not null)
            findings.Add(new Finding(protocol.Id, protocol.Version, Severity.Block, string.Join(" ", conflicts), protocol.Source));
        return lastOnOrBefore?.AddDays(protocol.MinIntervalDays);
    }

    private static bool SameArea(IReadOnlyList<string>? sessionAreas, IReadOnlyList<string>? treatedAreas)
    {
        if (sessionAreas is not { Count: > 0 })
            return true;
        foreach (var area in sessionAreas)
            if (ContraindicationCheck.Overlaps(area, treatedAreas))
                return true;
        return false;
    }

    private static string Describe(SessionFact session, DateOnly other, int gap, int minDays)
    {
        var kind = session.Kind == SessionKind.Completed ? "completed" : "booked";
        var apart = gap == 0 ? "same day" : Math.Abs(gap) == 1 ? "1 day apart" : $"{Math.Abs(gap)} days apart";
        var earliest = ClinicCalendar.Iso(other.AddDays(minDays));
        return gap >= 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"Too soon after the {kind} {session.TreatmentCode} session on {ClinicCalendar.Iso(other)} ({apart}; the minimum is {minDays} days). Earliest allowed date: {earliest}.")
            : string.Create(CultureInfo.InvariantCulture,
                $"Too close before the {kind} {session.TreatmentCode} session on {ClinicCalendar.Iso(other)} ({apart}; the minimum is {minDays} days). Earliest allowed date after it: {earliest}, or move this session to {ClinicCalendar.Iso(other.AddDays(-minDays))} or earlier.");
    }
}
