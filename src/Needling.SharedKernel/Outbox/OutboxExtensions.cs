using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Needling.SharedKernel.Outbox;

public static class OutboxExtensions
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Call in OnModelCreating of a module that publishes facts.</summary>
    public static void AddOutbox(this ModelBuilder model) =>
        model.Entity<OutboxMessage>(b =>
        {
            b.ToTable("Outbox");
            b.HasKey(m => m.Id);
            b.Property(m => m.Type).HasMaxLength(300);
            // What the dispatcher asks for: messages not yet processed, oldest first. A partial index, so that
            // the query walks it in order and stops after one batch. PostgreSQL cannot use the order of an index
            // on (processed_at_utc, occurred_at_utc) after "processed_at_utc IS NULL": it scanned and sorted the
            // whole table instead, 26-39 ms a poll with 20,000 messages waiting (docs/benchmarks.md).
            b.HasIndex(m => m.OccurredAtUtc).HasFilter("processed_at_utc IS NULL");
            // What the purge asks for: processed messages older than the retention.
            b.HasIndex(m => m.ProcessedAtUtc).HasFilter("processed_at_utc IS NOT NULL");
        });

    /// <summary>Adds the notification to this context's outbox, under its stable name; it is saved, and later dispatched, with the change.</summary>
    public static void Enqueue<T>(this DbContext db, T notification, DateTime nowUtc) where T : INotification =>
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Type = EventTypes.NameOf(typeof(T)),
            Payload = JsonSerializer.Serialize(notification, Json),
            OccurredAtUtc = nowUtc,
        });
}
