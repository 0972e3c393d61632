using Hangfire;
using Microsoft.Extensions.Options;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Jobs;
using Needling.SharedKernel.Modules;
using Needling.SharedKernel.Outbox;

namespace Needling.Api.Jobs;

/// <summary>
/// Hangfire's schema and recurring jobs, run with the modules' migrations (on start and by `migrate`). Last, so
/// that the recurring jobs are registered once every outbox table exists.
/// </summary>
internal sealed class JobsInitializer(IServiceProvider services, IOptions<DatabaseOptions> database, IConfiguration config) : IModuleInitializer
{
    public const string SweepJob = "outbox-sweep";
    public const string PurgeJob = "purge";

    public int Order => 1000;

    public async Task MigrateAsync(CancellationToken ct)
    {
        if (database.Value.Provider == DatabaseProvider.PostgreSql)
        {
            await JobStorageFactory.InstallPostgresSchemaAsync(database.Value.ResolveConnectionString(), ct);
        }
        else if (database.Value.Provider == DatabaseProvider.SqlServer)
        {
            await JobStorageFactory.InstallSqlServerSchemaAsync(database.Value.ResolveConnectionString(), ct);
        }
        else
        {
            // SQLite: building the storage creates its tables.
            services.GetRequiredService<JobStorage>();
        }
    }

    public Task<bool> HasPendingMigrationsAsync(CancellationToken ct) => database.Value.Provider switch
    {
        DatabaseProvider.PostgreSql => JobStorageFactory.PostgresSchemaMissingAsync(database.Value.ResolveConnectionString(), ct),
        DatabaseProvider.SqlServer => JobStorageFactory.SqlServerSchemaMissingAsync(database.Value.ResolveConnectionString(), ct),
        _ => Task.FromResult(false),
    };

    public Task SeedAsync(bool demo, CancellationToken ct)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        // Hangfire's shortest schedule is a minute; the dispatch loop gives the latency, this the guarantee.
        recurring.AddOrUpdate<OutboxJobs>(SweepJob, j => j.SweepAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<RetentionJobs>(PurgeJob, j => j.PurgeAsync(CancellationToken.None), config.GetValue<string>("Jobs:PurgeCron") ?? Cron.Daily(3));
        // The modules' own schedules (aftercare's messages due).
        foreach (var work in services.GetServices<RecurringWorkRegistration>())
        {
            recurring.AddOrUpdate<RecurringWorkJobs>(work.Name, j => j.RunAsync(work.Name, CancellationToken.None), work.Cron);
        }
        return Task.CompletedTask;
    }
}
