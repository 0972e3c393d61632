using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Needling.Clinic;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Modules;

namespace Needling.Api.Hosting;

/// <summary>
/// Before the server takes requests: migrate every module (unless switched off for deployments that run
/// `migrate` separately), load seed data, and tell a newcomer how to sign in.
/// </summary>
internal sealed class ModuleStartup(IServiceProvider services, IOptions<DatabaseOptions> database, IConfiguration config, ILogger<ModuleStartup> log)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var demo = config.GetValue<bool>("Needling:Demo");
        if (database.Value.Provider == DatabaseProvider.PostgreSql
            && DbContextOptionsExtensions.AutoPrepareWarning(database.Value.ResolveConnectionString()) is { } warning)
        {
            log.LogWarning("{Warning}", warning);
        }
        if (!database.Value.MigrateOnStart && await AnyPendingAsync(cancellationToken))
        {
            // Stay up and report not-ready (/health/ready is 503) rather than crash-loop until `migrate` has run.
            log.LogWarning("The database is not migrated and Database:MigrateOnStart is false. Run `Needling.Api migrate`; until then /health/ready answers 503.");
            return;
        }
        await InitializeAsync(services, database.Value.MigrateOnStart, demo, cancellationToken);
        if (demo)
        {
            log.LogWarning("Demo clinic loaded. Sign in at POST /auth/token as admin, reception, tanaka or okafor with password '{Password}'. Swagger UI: /swagger", ClinicModule.DemoPassword);
        }
        else if (await ClinicModule.CountStaffAccountsAsync(services, cancellationToken) == 0)
        {
            log.LogWarning("No staff accounts yet. Create the first admin with: dotnet run --project src/Needling.Api -- create-admin --username admin   (or start with --Needling:Demo=true to try a demo clinic)");
        }
    }

    private async Task<bool> AnyPendingAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var check in scope.ServiceProvider.GetServices<IModuleInitializer>())
        {
            if (await check.HasPendingMigrationsAsync(ct))
            {
                return true;
            }
        }
        return false;
    }

    public static async Task InitializeAsync(IServiceProvider services, bool migrate, bool demo, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var modules = scope.ServiceProvider.GetServices<IModuleInitializer>().OrderBy(m => m.Order).ToList();
        if (migrate)
        {
            foreach (var module in modules)
            {
                await module.MigrateAsync(ct);
            }
        }
        foreach (var module in modules)
        {
            try
            {
                await module.SeedAsync(demo, ct);
            }
            catch (DbUpdateException)
            {
                // Another instance seeded the same rows at the same moment; seeding again sees theirs and does nothing.
                await using var retry = services.CreateAsyncScope();
                var again = retry.ServiceProvider.GetServices<IModuleInitializer>().Single(m => m.GetType() == module.GetType());
                await again.SeedAsync(demo, ct);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
