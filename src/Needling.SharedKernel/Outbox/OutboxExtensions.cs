using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Needling.SharedKernel.Outbox;

public static class OutboxExtensions
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void AddOutbox(this ModelBuilder model) =>
        model.Entity<OutboxMessage>(b =>
        {
            b.ToTable("Outbox");
            b.HasKey(m => m.Id);
            b.Property(m => m.Type).HasMaxLength(300);
            b.Property(m => m.LastError).HasMaxLength(500);
            // What the dispatcher asks for: messages not yet processed, oldest first. A partial index, so that
            // the query walks it in order and stops after one batch. PostgreSQL cannot use the order of an index
            // on (processed_at_utc, occurred_at_utc) after "processed_at_utc IS NULL": it scanned and sorted the
            // whole table instead, 26-39 ms a poll with 20,000 messages waiting (docs/benchmarks.md).
            b.HasIndex(m => m.OccurredAtUtc).HasFilter("processed_at_utc IS NULL");
        });

    /// <summary>Adds the notification to this context's outbox; it is saved, and later published, with the change.</summary>
    public static void Enqueue<T>(this DbContext db, T notification, DateTime nowUtc) where T : INotification =>
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Type = typeof(T).AssemblyQualifiedName!,
            Payload = JsonSerializer.Serialize(notification, Json),
            OccurredAtUtc = nowUtc,
        });
}
