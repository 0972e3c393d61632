namespace Needling.Contracts.Demo;

/// <summary>
/// Fixed ids of the demo clinic's records (--Needling:Demo=true), so that each module's demo seed can refer to
/// another module's rows without asking for them: one past visit of Emma Clarke with Dr Aiko Tanaka, from
/// booking through consent to a signed, amended session. Never used outside the demo seed.
/// </summary>
public static class DemoRecords
{
    /// <summary>Dr Aiko Tanaka, physician.</summary>
    public static readonly Guid DrTanaka = new("0193a000-0000-7000-8000-000000000001");
    /// <summary>Room 1.</summary>
    public static readonly Guid Room1 = new("0193a000-0000-7000-8000-000000000002");
    /// <summary>The Dermapen 4.</summary>
    public static readonly Guid Dermapen = new("0193a000-0000-7000-8000-000000000003");
    /// <summary>Emma Clarke, English-speaking patient.</summary>
    public static readonly Guid PatientEmma = new("0193a000-0000-7000-8000-000000000004");
    /// <summary>Emma's microneedling visit three weeks before the demo started.</summary>
    public static readonly Guid EmmaVisit = new("0193a000-0000-7000-8000-000000000005");

    /// <summary>10:00 in the clinic's time zone on the Tuesday three to four weeks before <paramref name="nowUtc"/>.</summary>
    public static DateTime EmmaVisitStartUtc(DateTime nowUtc, TimeZoneInfo clinicZone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, clinicZone)).AddDays(-21);
        while (day.DayOfWeek != DayOfWeek.Tuesday)
        {
            day = day.AddDays(-1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(10, 0)), clinicZone);
    }
}
