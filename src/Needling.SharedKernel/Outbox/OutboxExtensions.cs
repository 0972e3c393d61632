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
            b.HasIndex(m => new { m.ProcessedAtUtc, m.OccurredAtUtc });
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
