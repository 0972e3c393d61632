using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Needling.SharedKernel.Data;

/// <summary>
/// Ready means: the database answers and this module's schema is fully migrated. Once a database is seen
/// fully migrated, later checks only ask whether it answers: migrations are never undone under a running
/// service, and asking every module's history table on each probe is wasted work.
/// </summary>
public sealed class MigratedHealthCheck<TContext>(TContext db) : IHealthCheck where TContext : DbContext
{
    // Keyed by connection string: one process may serve (or test) several databases.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Migrated = new();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var key = db.Database.GetConnectionString() ?? "";
            if (Migrated.ContainsKey(key))
            {
                return await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Database unreachable.");
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0)
            {
                Migrated.TryAdd(key, true);
            }
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Database unreachable.", ex);
        }
    }
}
