using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Needling.SharedKernel.Outbox;

/// <summary>Deletes a module's records that are older than the retention and no longer needed.</summary>
public interface IRetentionPurge
{
    /// <summary>Returns how many rows it deleted.</summary>
    Task<int> PurgeAsync(DateTime cutoffUtc, CancellationToken ct);
}

/// <summary>Processed outbox messages: their jobs were handed to Hangfire long ago.</summary>
internal sealed class OutboxPurge<TContext>(TContext db) : IRetentionPurge where TContext : DbContext
{
    public Task<int> PurgeAsync(DateTime cutoffUtc, CancellationToken ct) =>
        db.Set<OutboxMessage>().Where(m => m.ProcessedAtUtc != null && m.ProcessedAtUtc < cutoffUtc).ExecuteDeleteAsync(ct);
}

/// <summary>
/// Inbox records: they only guard against a second delivery, which comes within Hangfire's retries (hours),
/// never after the retention (by then the outbox row is gone too, and its jobs with it).
/// </summary>
internal sealed class InboxPurge<TContext>(TContext db) : IRetentionPurge where TContext : DbContext
{
    public Task<int> PurgeAsync(DateTime cutoffUtc, CancellationToken ct) =>
        db.Set<InboxRecord>().Where(r => r.HandledAtUtc < cutoffUtc).ExecuteDeleteAsync(ct);
}

/// <summary>The daily purge: every module's <see cref="IRetentionPurge"/>, with the cutoff from the injected clock.</summary>
public sealed class RetentionJobs(IEnumerable<IRetentionPurge> purges, IConfiguration config, TimeProvider clock, ILogger<RetentionJobs> log)
{
    public const int DefaultRetentionDays = 30;

    [DisplayName("Purge records older than the retention")]
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var days = config.GetValue<int?>("Jobs:RetentionDays") ?? DefaultRetentionDays;
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        var total = 0;
        foreach (var purge in purges)
        {
            var deleted = await purge.PurgeAsync(cutoff, ct);
            if (deleted > 0)
            {
                log.LogInformation("{Purge} deleted {Count} rows older than {Days} days", purge.GetType().Name, deleted, days);
            }
            total += deleted;
        }
        return total;
    }
}
