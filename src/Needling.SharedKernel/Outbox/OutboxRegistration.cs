using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Needling.SharedKernel.Outbox;

public static class OutboxRegistration
{
    /// <summary>A module that publishes facts (its DbContext calls <c>AddOutbox()</c>): dispatch and purge its outbox.</summary>
    public static IServiceCollection AddOutbox<TContext>(this IServiceCollection services, string module) where TContext : DbContext
    {
        services.AddSingleton<IOutboxDispatcher>(sp => ActivatorUtilities.CreateInstance<OutboxDispatcher<TContext>>(sp, module));
        services.AddScoped<IRetentionPurge, OutboxPurge<TContext>>();
        return services;
    }

    /// <summary>A module that consumes facts (its DbContext calls <c>AddInbox()</c>): purge its inbox. Its consumers are found by the MediatR scan.</summary>
    public static IServiceCollection AddInbox<TContext>(this IServiceCollection services) where TContext : DbContext =>
        services.AddScoped<IRetentionPurge, InboxPurge<TContext>>();

    /// <summary>A consumer outside the scanned module assemblies (tests).</summary>
    public static IServiceCollection AddOutboxConsumer<TNotification, THandler>(this IServiceCollection services)
        where TNotification : MediatR.INotification where THandler : MediatR.INotificationHandler<TNotification> =>
        services.AddSingleton(new OutboxConsumer(typeof(TNotification), typeof(THandler)));
}

/// <summary>
/// Latency, not the guarantee: right after a commit that wrote to an outbox (<see cref="OutboxSignal"/>), or every two
/// seconds, hands what is due to Hangfire. The recurring sweep job does the same every minute should this loop stop.
/// </summary>
public sealed class OutboxDispatchLoop(IEnumerable<IOutboxDispatcher> outboxes, OutboxSignal signal, ILogger<OutboxDispatchLoop> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var outbox in outboxes)
            {
                try
                {
                    while (await outbox.DispatchBatchAsync(stoppingToken) > 0)
                    {
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Type only: an exception message may quote patient data. The next round, or the sweep, tries again.
                    log.LogWarning("Dispatching the outbox of {Module} failed: {ExceptionType}", outbox.Module, ex.GetType().Name);
                }
            }
            await signal.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken);
        }
    }
}
