namespace Needling.Patients.Domain;

/// <summary>Screening:ReviewDays in configuration.</summary>
internal sealed class ScreeningOptions
{
    public const string Section = "Screening";

    /// <summary>
    /// Answers older than this need a practitioner's review before a plain confirmation is accepted again. 30 days
    /// is clinic policy (evidence P: no clinical source); a clinic sets its own.
    /// </summary>
    public int ReviewDays { get; set; } = 30;
}

/// <summary>
/// Rule screening.review-due: a patient saying "nothing has changed" is worth less the older the answers are.
/// When any current answer was recorded more than ReviewDays ago and no practitioner has reviewed the answers
/// with the patient within ReviewDays, a review is due, and a plain confirmation is refused until it happens.
/// </summary>
internal static class ScreeningReviewPolicy
{
    public const string ReviewDueRule = "screening.review-due";
    public const string ReviewByPractitionerRule = "screening.review-by-practitioner";

    public static bool IsReviewDue(DateTime nowUtc, DateTime? oldestAnswerRecordedAtUtc, DateTime? lastReviewAtUtc, int reviewDays)
    {
        var since = nowUtc.AddDays(-reviewDays);
        return oldestAnswerRecordedAtUtc < since && !(lastReviewAtUtc >= since);
    }
}
