namespace Needling.SharedKernel.Audit;

/// <summary>
/// One clinical or administrative write, or one read of a patient's record: who, when, what. It names the records
/// (and, for a write, the fields that changed), never their values, so the audit trail itself holds no health data;
/// rows are append-only (a database trigger refuses UPDATE and DELETE), and erasure leaves them as they are.
/// </summary>
public sealed class AuditRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTime AtUtc { get; init; }
    public string Actor { get; init; } = "";
    /// <summary>created, updated, deleted, or read.</summary>
    public string Action { get; init; } = "";
    public string EntityType { get; init; } = "";
    public string EntityId { get; init; } = "";
    /// <summary>A write: the fields that changed. A read: the ids of the records read, when they are not just <see cref="EntityId"/>.</summary>
    public string? Fields { get; init; }
    /// <summary>The patient whose record this is, when it is one: what an auditor's query for a patient finds.</summary>
    public Guid? PatientId { get; init; }
}
