using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.SharedKernel.Data;

namespace Needling.SharedKernel.Outbox;

/// <summary>A fact a consumer has handled, in the consumer's module, written in the same transaction as what it did.</summary>
public sealed class InboxRecord
{
    public Guid MessageId { get; init; }
    public string Consumer { get; init; } = "";
    public DateTime HandledAtUtc { get; init; }
}

/// <summary>What the delivery job calls on a consumer that keeps an inbox.</summary>
public interface IOutboxConsumer
{
    /// <param name="occurredAtUtc">When the fact happened (the outbox row's time), not when it is delivered.</param>
    Task ConsumeAsync(object notification, Guid messageId, string consumer, DateTime occurredAtUtc, CancellationToken ct);
}

public static class InboxExtensions
{
    /// <summary>Call in OnModelCreating of a module that consumes facts (next to AddOutbox if it also publishes).</summary>
    public static void AddInbox(this ModelBuilder model) =>
        model.Entity<InboxRecord>(b =>
        {
            b.ToTable("Inbox");
            // The key is the guarantee: a second delivery of the same message to the same consumer cannot commit.
            b.HasKey(r => new { r.MessageId, r.Consumer });
            b.Property(r => r.Consumer).HasMaxLength(200);
            b.HasIndex(r => r.HandledAtUtc);
        });

    /// <summary>
    /// Runs <paramref name="handle"/> once per (message, consumer): in one transaction it checks the inbox, lets the
    /// consumer make its change (it may save as often as it likes), and records the message. A delivery that finds
    /// the record does nothing; two deliveries at the same moment both run, and the one that commits second fails on
    /// the inbox key and rolls back its change with it. Returns whether it handled the message.
    /// </summary>
    public static async Task<bool> HandleOnceAsync(this DbContext db, Guid messageId, string consumer, DateTime nowUtc,
        Func<CancellationToken, Task> handle, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async token =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(token);
                var inbox = db.Set<InboxRecord>();
                if (await inbox.AnyAsync(r => r.MessageId == messageId && r.Consumer == consumer, token))
                {
                    return false;
                }
                await handle(token);
                inbox.Add(new InboxRecord { MessageId = messageId, Consumer = consumer, HandledAtUtc = nowUtc });
                await db.SaveChangesAsync(token);
                await tx.CommitAsync(token);
                return true;
            }, ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Another delivery of the same message committed first; ours was rolled back whole.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

/// <summary>
/// Base of a consumer that handles each fact once: derive, implement <see cref="HandleOnceAsync"/> with the
/// module's own DbContext, and the inbox does the rest. Found by the MediatR scan like any notification handler.
/// </summary>
public abstract class InboxConsumer<TContext, TNotification>(TContext db, TimeProvider clock) : INotificationHandler<TNotification>, IOutboxConsumer
    where TContext : DbContext
    where TNotification : INotification
{
    /// <summary>The module's DbContext: the consumer's change goes through it, inside the inbox's transaction.</summary>
    protected TContext Db { get; } = db;

    protected TimeProvider Clock { get; } = clock;

    /// <summary>
    /// When the fact being handled happened. A fact can wait in the outbox while the world moves on (a patient erased
    /// meanwhile): a consumer compares with this, not with now.
    /// </summary>
    protected DateTime OccurredAtUtc { get; private set; }

    /// <summary>The consumer's change, made on <see cref="Db"/> (saved as often as it likes) inside the inbox's transaction.</summary>
    protected abstract Task HandleOnceAsync(TNotification notification, CancellationToken ct);

    public async Task ConsumeAsync(object notification, Guid messageId, string consumer, DateTime occurredAtUtc, CancellationToken ct)
    {
        OccurredAtUtc = occurredAtUtc;
        if (await Db.HandleOnceAsync(messageId, consumer, Clock.GetUtcNow().UtcDateTime, token => HandleOnceAsync((TNotification)notification, token), ct))
        {
            AfterCommit();
        }
    }

    /// <summary>Runs once the consumer's change is committed (e.g. to wake a sender that would not see it before).</summary>
    protected virtual void AfterCommit()
    {
    }

    /// <summary>Facts reach consumers only through the outbox's jobs, which know the message id the inbox needs.</summary>
    public Task Handle(TNotification notification, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"{GetType().Name} consumes {typeof(TNotification).Name} from an outbox only; publish it with DbContext.Enqueue.");
}
