using Needling.SharedKernel.Audit;

namespace Needling.Patients.Domain;

/// <summary>
/// One request to erase a patient's data, and how far it got: each module's part is recorded as it completes, so an
/// erasure that failed part-way says so, and asking again completes it (each part is idempotent).
/// </summary>
internal sealed class ErasureRecord : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public string Reason { get; init; } = "";
    public string RequestedBy { get; init; } = "";
    public DateTime RequestedAtUtc { get; init; }
    /// <summary>in-progress until every module answered, then completed.</summary>
    public string Status { get; set; } = ErasureStatus.InProgress;
    /// <summary>The last treatment plus Retention:ClinicalRecordYears; null when nothing had to be kept.</summary>
    public DateTime? KeepUntilUtc { get; init; }
    /// <summary>Each module's answer (what it erased, what it kept and why), as JSON, in the order they answered.</summary>
    public string PartsJson { get; set; } = "[]";
    public DateTime? CompletedAtUtc { get; set; }
}

internal static class ErasureStatus
{
    public const string InProgress = "in-progress";
    public const string Completed = "completed";
}
