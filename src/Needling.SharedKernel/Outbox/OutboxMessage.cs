namespace Needling.SharedKernel.Outbox;

/// <summary>
/// A fact another module must hear about, written in the same transaction as the change it reports.
/// <see cref="OutboxDispatcher{TContext}"/> hands it to Hangfire as one job per consumer; retries and failures
/// are then Hangfire's. Delivery is at least once; consumers record what they handled in their inbox.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The fact's stable name (<see cref="Contracts.EventNameAttribute"/>); rows written before names were used carry an assembly-qualified type name.</summary>
    public string Type { get; init; } = "";
    public string Payload { get; init; } = "";
    public DateTime OccurredAtUtc { get; init; }

    /// <summary>When its jobs were handed to Hangfire (not when consumers finished: that is in their inboxes and on the dashboard).</summary>
    public DateTime? ProcessedAtUtc { get; set; }

    /// <summary>A dispatcher's lease, so that two instances do not enqueue the same message at the same time.</summary>
    public DateTime? LockedUntilUtc { get; set; }
}
