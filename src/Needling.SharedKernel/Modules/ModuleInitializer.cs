using Microsoft.EntityFrameworkCore;

namespace Needling.SharedKernel.Modules;

/// <summary>The common part of a module's initializer: migrations of its own DbContext.</summary>
public abstract class ModuleInitializer<TContext>(TContext db) : IModuleInitializer where TContext : DbContext
{
    protected TContext Db { get; } = db;

    public abstract int Order { get; }

    /// <summary>Migrates only when something is pending: on a migrated database this skips the migration lock and saves start-up time.</summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        if (await HasPendingMigrationsAsync(ct))
        {
            await Db.Database.MigrateAsync(ct);
        }
    }

    public async Task<bool> HasPendingMigrationsAsync(CancellationToken ct) => (await Db.Database.GetPendingMigrationsAsync(ct)).Any();

    public virtual Task SeedAsync(bool demo, CancellationToken ct) => Task.CompletedTask;
}
