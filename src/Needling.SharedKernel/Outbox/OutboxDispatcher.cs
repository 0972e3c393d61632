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

    /// <summary>Publishes what is due now; returns how many messages it handled. Public for tests.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ProcessedAtUtc == null && m.Attempts < MaxAttempts && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .OrderBy(m => m.OccurredAtUtc).Take(50).ToListAsync(ct);
        var handled = 0;
        foreach (var message in due)
        {
            var claimed = await db.Set<OutboxMessage>()
                .Where(m => m.Id == message.Id && m.ProcessedAtUtc == null && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntilUtc, now + Lease), ct);
            if (claimed == 0)
            {
                continue; // another instance has it
            }
            handled++;
            try
            {
                await PublishAsync(scope.ServiceProvider, message, ct);
                await db.Set<OutboxMessage>().Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAtUtc, clock.GetUtcNow().UtcDateTime).SetProperty(m => m.LockedUntilUtc, (DateTime?)null), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Type only: an exception message may quote patient data.
                var error = $"{ex.GetType().FullName} in {ex.TargetSite?.DeclaringType?.FullName}";
                var retryAt = now + TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, message.Attempts + 1)));
                await db.Set<OutboxMessage>().Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, message.Attempts + 1)
                    .SetProperty(m => m.LastError, error.Length > 500 ? error[..500] : error)
                    .SetProperty(m => m.LockedUntilUtc, retryAt), ct);
                log.LogWarning("Outbox message {MessageId} ({Type}) failed, attempt {Attempt}: {Error}", message.Id, ShortName(message.Type), message.Attempts + 1, error);
            }
        }
        return handled;
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
