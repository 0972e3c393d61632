using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.SharedKernel.Outbox;

namespace Needling.Booking.Appointments;

/// <summary>
/// Stored answers to Idempotency-Key requests: a client retries within seconds or minutes, so after the retention
/// (30 days by default) a key has done its work; the daily purge deletes it.
/// </summary>
internal sealed class IdempotencyPurge(BookingDbContext db) : IRetentionPurge
{
    public Task<int> PurgeAsync(DateTime cutoffUtc, CancellationToken ct) =>
        db.IdempotencyRecords.Where(r => r.CreatedAtUtc < cutoffUtc).ExecuteDeleteAsync(ct);
}
