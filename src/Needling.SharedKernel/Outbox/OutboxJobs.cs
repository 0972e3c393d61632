using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using Hangfire;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Needling.SharedKernel.Outbox;

/// <summary>
/// The outbox's Hangfire jobs. They take ids, never the fact itself: a delivery reads the message from its
/// module's outbox when it runs. Hangfire stores this class's name and the methods' names and arguments with
/// every job, so renaming them strands the jobs in flight.
/// </summary>
public sealed class OutboxJobs(IServiceProvider services, IEnumerable<IOutboxDispatcher> outboxes, OutboxConsumers consumers, ILogger<OutboxJobs> log)
{
    /// <summary>The consumer of a message whose type was unknown when it was dispatched: resolve it and fan out when it runs.</summary>
    public const string AllConsumers = "*";

    private static readonly MethodInfo HandleMethod = typeof(OutboxJobs).GetMethod(nameof(HandleAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The guarantee behind the dispatch loop: every minute, whatever is due in any outbox is handed over.</summary>
    [DisplayName("Outbox sweep")]
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken ct)
    {
        foreach (var outbox in outboxes)
        {
            while (await outbox.DispatchBatchAsync(ct) > 0)
            {
            }
        }
    }

    /// <summary>Hands one fact to one consumer. An exception fails the job, and Hangfire retries it with back-off.</summary>
    [JobDisplayName("Deliver {0} message {1} to {2}")]
    public async Task DeliverAsync(string module, Guid messageId, string consumer, CancellationToken ct)
    {
        var outbox = outboxes.SingleOrDefault(o => o.Module == module)
            ?? throw new InvalidOperationException($"No outbox is registered for module '{module}'.");
        var message = await outbox.FindAsync(services, messageId, ct);
        if (message is null)
        {
            // Purged after the retention: a job retried for that long has nothing left to deliver.
            log.LogWarning("Outbox message {MessageId} of {Module} no longer exists; nothing to deliver to {Consumer}", messageId, module, consumer);
            return;
        }
        var type = EventTypes.Resolve(message.Type)
            ?? throw new InvalidOperationException($"Outbox message {messageId} of {module} has type '{message.Type}', which this build does not know.");
        if (consumer == AllConsumers)
        {
            var client = services.GetRequiredService<IBackgroundJobClient>();
            foreach (var c in consumers.For(type))
            {
                client.Enqueue<OutboxJobs>(j => j.DeliverAsync(module, messageId, c.Name, CancellationToken.None));
            }
            return;
        }
        var target = consumers.Find(type, consumer)
            ?? throw new InvalidOperationException($"No consumer '{consumer}' of {EventTypes.NameOf(type)} is registered in this build.");
        var notification = JsonSerializer.Deserialize(message.Payload, type, OutboxExtensions.Json)
            ?? throw new InvalidOperationException($"Outbox message {messageId} of {module} has an empty payload.");
        var handler = ActivatorUtilities.CreateInstance(services, target.Handler);
        if (handler is IOutboxConsumer inboxed)
        {
            await inboxed.ConsumeAsync(notification, messageId, consumer, message.OccurredAtUtc, ct);
        }
        else
        {
            // A plain handler without an inbox: delivered at least once, so it must be idempotent by itself. Its own
            // exception, not reflection's wrapper, is what the dashboard shows.
            await (Task)HandleMethod.MakeGenericMethod(type).Invoke(null, BindingFlags.DoNotWrapExceptions, null, [handler, notification, ct], null)!;
        }
    }

    private static Task HandleAsync<T>(object handler, object notification, CancellationToken ct) where T : INotification =>
        ((INotificationHandler<T>)handler).Handle((T)notification, ct);
}
