namespace Needling.ClinicalRules.Tests.Support;

// Time zones with daylight saving (IANA ids, as on Linux) and local clinic times converted to UTC.
internal static class Clinic
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static TimeZoneInfo Zone(string ianaId) => TimeZoneInfo.FindSystemTimeZoneById(ianaId);

    // A wall-clock time at the clinic, as UTC.
    public static DateTime Utc(TimeZoneInfo zone, DateOnly date, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(hour, minute)), zone);

    public static DateTime Utc(TimeZoneInfo zone, int year, int month, int day, int hour, int minute = 0) =>
        Utc(zone, new DateOnly(year, month, day), hour, minute);
}
