using System.Reflection;
using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Needling.SharedKernel.Outbox;

/// <summary>
/// Publishes a module's outbox over MediatR. Each message is claimed with a conditional update (a lease),
/// so several instances on one PostgreSQL database never publish the same message at the same time;
/// a crash between publish and marking it done means it is published again, so handlers are idempotent.
/// </summary>
public sealed class OutboxDispatcher<TContext>(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, ILogger<OutboxDispatcher<TContext>> log)
    : BackgroundService where TContext : DbContext
{
    private const int MaxAttempts = 20;
    private const int BatchSize = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly MethodInfo PublishMethod = typeof(IMediator).GetMethods()
        .Single(m => m.Name == nameof(IMediator.Publish) && m.IsGenericMethod);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchBatchAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning("Outbox of {Context} failed: {ExceptionType}", typeof(TContext).Name, ex.GetType().Name);
            }
            await signal.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken);
        }
    }

    /// <summary>
    /// Publishes what is due now; returns how many messages it handled. Public for tests. The batch is
    /// claimed in one statement and marked done in another, so a busy outbox costs two commits per batch
    /// plus the handlers' own, instead of two per message (which left it far behind under booking load).
    /// </summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var outbox = db.Set<OutboxMessage>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await outbox.AsNoTracking()
            .Where(m => m.ProcessedAtUtc == null && m.Attempts < MaxAttempts && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .OrderBy(m => m.OccurredAtUtc).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        var claimed = await ClaimAsync(outbox, due.Select(m => m.Id).ToList(), now, ct);
        var done = new List<Guid>(claimed.Count);
        foreach (var message in due.Where(m => claimed.Contains(m.Id)))
        {
            try
            {
                await PublishAsync(scope.ServiceProvider, message, ct);
                done.Add(message.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Type only: an exception message may quote patient data.
                var error = $"{ex.GetType().FullName} in {ex.TargetSite?.DeclaringType?.FullName}";
                var retryAt = now + TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, message.Attempts + 1)));
                await outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, message.Attempts + 1)
                    .SetProperty(m => m.LastError, error.Length > 500 ? error[..500] : error)
                    .SetProperty(m => m.LockedUntilUtc, retryAt), ct);
                log.LogWarning("Outbox message {MessageId} ({Type}) failed, attempt {Attempt}: {Error}", message.Id, ShortName(message.Type), message.Attempts + 1, error);
            }
        }
        if (done.Count > 0)
        {
            var processedAt = clock.GetUtcNow().UtcDateTime;
            await outbox.Where(m => done.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAtUtc, processedAt).SetProperty(m => m.LockedUntilUtc, (DateTime?)null), ct);
        }
        return claimed.Count;
    }

    /// <summary>
    /// Leases the messages that no other instance holds, in one conditional update. The lease's expiry is
    /// made unique to this claim (a random number of microseconds added), so reading back the rows that carry
    /// it tells which messages this instance won; should two claims ever pick the same instant, a message is
    /// published twice, which at-least-once delivery allows.
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

    private static async Task PublishAsync(IServiceProvider services, OutboxMessage message, CancellationToken ct)
    {
        var type = Type.GetType(message.Type, throwOnError: true)!;
        var notification = JsonSerializer.Deserialize(message.Payload, type, OutboxExtensions.Json)!;
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await (Task)PublishMethod.MakeGenericMethod(type).Invoke(mediator, [notification, ct])!;
    }

    private static string ShortName(string assemblyQualified) => assemblyQualified.Split(',')[0];
}
