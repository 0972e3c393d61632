using Needling.SharedKernel.Audit;

namespace Needling.Aftercare.Domain;

/// <summary>
/// A check-in with the patient N days after a session (day 2 and day 7 by default). The patient answers through
/// a link: all fine, or something is wrong with what they notice and, if they like, a photo. "Something is wrong"
/// is a complication report on the treating practitioner's list until they acknowledge and close it with a note.
/// </summary>
internal sealed class FollowUp : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SessionId { get; init; }
    public Guid PatientId { get; init; }
    public Guid PractitionerId { get; init; }
    public string TreatmentCode { get; init; } = "";
    public string Language { get; init; } = "";
    public int Day { get; init; }
    public DateTime PerformedAtUtc { get; init; }
    public DateTime DueAtUtc { get; init; }
    public DateTime? AnsweredAtUtc { get; set; }
    /// <summary>fine or wrong; null until answered.</summary>
    public string? Answer { get; set; }
    public string? Text { get; set; }
    public byte[]? Photo { get; set; }
    public string? PhotoType { get; set; }
    public DateTime? AcknowledgedAtUtc { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public string? ClosedBy { get; set; }
    public string? CloseNote { get; set; }
}

internal static class FollowUpAnswer
{
    public const string Fine = "fine";
    public const string Wrong = "wrong";
}
