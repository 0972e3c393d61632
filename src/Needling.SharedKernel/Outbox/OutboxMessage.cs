namespace Needling.SharedKernel.Outbox;

/// <summary>
/// A fact another module must hear about, written in the same transaction as the change it reports,
/// and published after commit by <see cref="OutboxDispatcher{TContext}"/>. Delivery is at least once.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Type { get; init; } = "";
    public string Payload { get; init; } = "";
    public DateTime OccurredAtUtc { get; init; }
    public DateTime? ProcessedAtUtc { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
