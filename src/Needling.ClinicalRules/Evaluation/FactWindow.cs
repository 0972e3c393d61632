namespace Needling.ClinicalRules;

// When a dated fact counts on a date. End dates are the first day the fact no longer holds
// (a condition resolved on the 10th is not current on the 10th).
internal static class FactWindow
{
    // Without a window the fact must be current on the date. With WithinMonths = N it counts if it held at any
    // time in (date - N months, date]: a medication stopped exactly N months before the date (same day of the
    // month) no longer counts, one stopped the day after does. A fact that starts after the date does not count.
    public static bool Counts(DateOnly? start, DateOnly? end, DateOnly date, int? withinMonths)
    {
        var windowStart = withinMonths is int months ? date.AddMonths(-months) : date;
        return (start is null || start <= date) && (end is null || end > windowStart);
    }

    // Completed weeks since the last menstrual period: weeks 0-13 first trimester, 14-27 second, 28+ third.
    // Unknown LMP = first trimester, the cautious reading (the most restrictive rules apply).
    public static int Trimester(DateOnly? lastMenstrualPeriodOn, DateOnly date)
    {
        if (lastMenstrualPeriodOn is not DateOnly lmp)
            return 1;
        var weeks = (date.DayNumber - lmp.DayNumber) / 7;
        return weeks <= 13 ? 1 : weeks <= 27 ? 2 : 3;
    }

    // mild < moderate < severe; anything else is unknown (null).
    public static int? SeverityRank(string? severity) => severity switch
    {
        Codes.Mild => 1,
        Codes.Moderate => 2,
        Codes.Severe => 3,
        _ => null,
    };
}
