using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Caching;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Modules;

namespace Needling.SharedKernel.Data;

public static class ModuleDatabase
{
    /// <summary>Registers a module's DbContext on the configured database, with auditing, a readiness check and its initializer.</summary>
    public static IServiceCollection AddModuleDatabase<TContext, TInitializer>(
        this IServiceCollection services, IConfiguration configuration, string schema, Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
        where TInitializer : class, IModuleInitializer
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = options.ResolveConnectionString();
        services.AddReferenceCache(configuration, options, connectionString);
        // Pooled: building a DbContext's options and services for every request cost a sixth of a booking's
        // CPU (perf, 2026-11-22). Pooling needs singleton interceptors; both read the actor per call.
        services.AddDbContextPool<TContext>((sp, b) =>
        {
            b.UseNeedlingDatabase(options.Provider, connectionString, schema)
                .AddInterceptors(VersionInterceptor.Instance, sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<CacheInvalidationInterceptor>());
            // Npgsql traces its own commands; the SQLite and SQL Server drivers do not here.
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                b.AddInterceptors(CommandTracing.Sqlite);
            }
            else if (options.Provider == DatabaseProvider.SqlServer)
            {
                b.AddInterceptors(CommandTracing.SqlServer);
            }
            configure?.Invoke(b); // a module's own settings: a pooled context cannot use OnConfiguring
        });
        services.AddScoped<IModuleInitializer, TInitializer>();
        services.AddHealthChecks().AddCheck<MigratedHealthCheck<TContext>>($"db-{schema}", tags: ["ready"]);
        return services;
    }
}
