namespace Needling.SharedKernel.Audit;

/// <summary>
/// One clinical or administrative write: who, when, what. It names the record and the fields that
/// changed, never their values, so the audit trail itself holds no health data.
/// </summary>
public sealed class AuditRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTime AtUtc { get; init; }
    public string Actor { get; init; } = "";
    public string Action { get; init; } = "";
    public string EntityType { get; init; } = "";
    public string EntityId { get; init; } = "";
    public string? Fields { get; init; }
}
