using System.Collections.Concurrent;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Needling.SharedKernel.Outbox;

/// <summary>One module's outbox, as the dispatch loop, the sweep job and the delivery jobs see it.</summary>
public interface IOutboxDispatcher
{
    /// <summary>The module's schema name; delivery jobs carry it to find the message again.</summary>
    string Module { get; }

    Task<int> DispatchBatchAsync(CancellationToken ct);

    Task<OutboxMessage?> FindAsync(IServiceProvider scope, Guid messageId, CancellationToken ct);
}

/// <summary>
/// Hands a module's outbox to Hangfire: for each due message, one job per consumer, then the message is marked
/// processed. Each batch is claimed with a conditional update (a lease), so several instances on one PostgreSQL or
/// SQL Server database do not enqueue the same message twice. A crash between the enqueue and the mark enqueues again
/// after the lease: harmless, because each consumer records what it handled in its inbox.
/// </summary>
public sealed class OutboxDispatcher<TContext>(
    string module, IServiceScopeFactory scopes, IBackgroundJobClient jobs, OutboxConsumers consumers, OutboxDispatchOptions options, TimeProvider clock,
    ILogger<OutboxDispatcher<TContext>> log)
    : IOutboxDispatcher where TContext : DbContext
{
    private const int BatchSize = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    public string Module => module;

    /// <summary>Enqueues what is due now; returns how many messages it handed over. Public for tests and the sweep job.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<TContext>().Set<OutboxMessage>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await outbox.AsNoTracking()
            .Where(m => m.ProcessedAtUtc == null && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .OrderBy(m => m.OccurredAtUtc).Take(BatchSize).Select(m => new { m.Id, m.Type }).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        var claimed = await ClaimAsync(outbox, due.Select(m => m.Id).ToList(), now, ct);
        var enqueued = new ConcurrentBag<Guid>();
        try
        {
            // Several at a time: each enqueue is a few round trips and a commit of Hangfire's own, so one at a time the
            // loop waits on the disk, not the processor, and falls behind the bookings (docs/benchmarks.md, the backlog).
            Parallel.ForEach(due.Where(m => claimed.Contains(m.Id)), new ParallelOptions { MaxDegreeOfParallelism = options.EnqueueParallelism }, message =>
            {
                Enqueue(message.Id, message.Type);
                enqueued.Add(message.Id);
            });
        }
        finally
        {
            // Whatever was handed over is marked, even when Hangfire's storage failed part-way; the rest waits for the lease.
            if (!enqueued.IsEmpty)
            {
                var processedAt = clock.GetUtcNow().UtcDateTime;
                var handed = enqueued.ToList();
                await outbox.Where(m => handed.Contains(m.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAtUtc, processedAt).SetProperty(m => m.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
            }
        }
        return enqueued.Count;
    }

    public Task<OutboxMessage?> FindAsync(IServiceProvider scope, Guid messageId, CancellationToken ct) =>
        scope.GetRequiredService<TContext>().Set<OutboxMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == messageId, ct);

    private void Enqueue(Guid id, string storedType)
    {
        var type = EventTypes.Resolve(storedType);
        if (type is null)
        {
            // Not known to this build (a newer instance wrote it, or a type was lost): one job that fans out when it
            // runs. It fails, visibly on the dashboard, until a build that knows the name retries it.
            jobs.Enqueue<OutboxJobs>(j => j.DeliverAsync(module, id, OutboxJobs.AllConsumers, CancellationToken.None));
            log.LogWarning("Outbox message {MessageId} of {Module} has an unknown type {Type}; handed to Hangfire to fail visibly until it is known", id, module, storedType);
            return;
        }
        foreach (var consumer in consumers.For(type))
        {
            jobs.Enqueue<OutboxJobs>(j => j.DeliverAsync(module, id, consumer.Name, CancellationToken.None));
        }
    }

    /// <summary>
    /// Leases the messages that no other instance holds, in one conditional update. The lease's expiry is
    /// made unique to this claim (a random number of microseconds added), so reading back the rows that carry
    /// it tells which messages this instance won; should two claims ever pick the same instant, a message is
    /// enqueued twice, and the consumers' inboxes make the second delivery do nothing.
    /// </summary>
    private static async Task<HashSet<Guid>> ClaimAsync(DbSet<OutboxMessage> outbox, List<Guid> ids, DateTime now, CancellationToken ct)
    {
        var leaseUntil = now.AddTicks(-(now.Ticks % 10) + Lease.Ticks + Random.Shared.Next(1, 1_000_000) * 10L);
        var count = await outbox
            .Where(m => ids.Contains(m.Id) && m.ProcessedAtUtc == null && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntilUtc, leaseUntil), ct);
        if (count == 0)
        {
            return [];
        }
        if (count == ids.Count)
        {
            return [.. ids];
        }
        return [.. await outbox.AsNoTracking().Where(m => ids.Contains(m.Id) && m.LockedUntilUtc == leaseUntil).Select(m => m.Id).ToListAsync(ct)];
    }
}

/// <summary>
/// How many jobs the dispatcher hands to Hangfire at once: several where the job store takes concurrent writers
/// (PostgreSQL, SQL Server), one where it serializes them anyway (the embedded SQLite store).
/// </summary>
public sealed record OutboxDispatchOptions(int EnqueueParallelism);
