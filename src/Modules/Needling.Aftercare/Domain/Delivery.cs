using Needling.SharedKernel.Audit;

namespace Needling.Aftercare.Domain;

/// <summary>
/// One message to a patient, as a row that outlives any crash: what (kind, subject), when it is due, and where
/// it stands. The sender claims it (pending → sending), talks to the mail server, and marks it sent; a key per
/// subject and kind makes a second row for the same message impossible.
/// </summary>
internal sealed class Delivery : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>Unique: e.g. "sheet:{sessionId}". The same message is never queued twice.</summary>
    public string Key { get; init; } = "";
    public string Kind { get; init; } = "";
    public Guid SubjectId { get; init; }
    public Guid PatientId { get; init; }
    public DateTime DueAtUtc { get; set; }
    public string Status { get; set; } = DeliveryStatus.Pending;
    public int Attempts { get; set; }
    /// <summary>While sending: until when this claim holds; a sender that died leaves it to expire.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    /// <summary>The Message-ID header: the same for every attempt, so a duplicate after a crash is recognisable.</summary>
    public string MessageId { get; init; } = "";
    /// <summary>Exception type only: a server's answer may quote the address.</summary>
    public string? LastError { get; set; }
    public DateTime CreatedAtUtc { get; init; }
}

internal static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    /// <summary>The patient has no e-mail address: the clinic hands over the sheet or its link on paper.</summary>
    public const string NoAddress = "no-address";
    public const string Cancelled = "cancelled";
}

internal static class DeliveryKind
{
    public const string Sheet = "sheet";
    public const string FollowUp = "follow-up";
    public const string Reminder = "reminder";
    public const string ConsentLink = "consent-link";
}
