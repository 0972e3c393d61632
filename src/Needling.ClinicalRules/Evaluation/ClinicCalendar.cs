namespace Needling.ClinicalRules;

// All date reasoning is on the clinic's local calendar dates, not elapsed UTC time: across a clock change,
// 14 calendar days are 13d23h or 14d1h of UTC time, and "two weeks" to a patient and a clinician means the date.
internal static class ClinicCalendar
{
    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));

    public static DateOnly[] LocalDates(IReadOnlyList<SessionFact> sessions, TimeZoneInfo zone)
    {
        var dates = new DateOnly[sessions.Count];
        for (var i = 0; i < dates.Length; i++)
            dates[i] = LocalDate(sessions[i].StartUtc, zone);
        return dates;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
