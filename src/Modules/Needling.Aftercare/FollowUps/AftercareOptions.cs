namespace Needling.Aftercare.FollowUps;

/// <summary>Settings under "Aftercare".</summary>
internal sealed class AftercareOptions
{
    public const string Section = "Aftercare";

    /// <summary>Days after the session on which the clinic checks in (clinic policy; default day 2 and day 7).</summary>
    public int[] FollowUpDays { get; set; } = [2, 7];

    /// <summary>Per treatment code, instead of <see cref="FollowUpDays"/>; e.g. "DRY-NEEDLING": [1, 3].</summary>
    public Dictionary<string, int[]> FollowUpDaysByTreatment { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The local time of day a check-in is sent: a message at 3 a.m. helps nobody.</summary>
    public TimeOnly SendAt { get; set; } = new(10, 0);

    /// <summary>How long after it is due an unanswered check-in is listed for the practitioner.</summary>
    public int UnansweredAfterDays { get; set; } = 2;

    /// <summary>How long before an appointment its reminder is sent (clinic policy; default a day).</summary>
    public int ReminderHoursBefore { get; set; } = 24;

    public IReadOnlyList<int> DaysFor(string treatmentCode) =>
        FollowUpDaysByTreatment.TryGetValue(treatmentCode, out var days) ? days : FollowUpDays;
}
