using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Modules;

namespace Needling.SharedKernel.Caching;

public static class CachingSetup
{
    /// <summary>The reference-data cache and its invalidation channel; called by every module's database set-up, registered once.</summary>
    public static IServiceCollection AddReferenceCache(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database, string connectionString)
    {
        if (services.Any(d => d.ServiceType == typeof(ReferenceCache)))
        {
            return services;
        }
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(configuration.GetSection(CacheOptions.Section).Get<CacheOptions>() ?? new CacheOptions());
        services.AddSingleton<ReferenceCache>();
        services.AddSingleton<CacheInvalidationInterceptor>();
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddSingleton(sp => new PostgresCacheChannel(
                sp.GetRequiredService<ReferenceCache>(), DbContextOptionsExtensions.WithServerDefaults(connectionString), sp.GetRequiredService<ILogger<PostgresCacheChannel>>()));
            services.AddSingleton<ICacheChannel>(sp => sp.GetRequiredService<PostgresCacheChannel>());
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<PostgresCacheChannel>());
        }
        else if (database.Provider == DatabaseProvider.SqlServer)
        {
            services.AddSingleton(sp => new SqlServerCacheChannel(
                sp.GetRequiredService<ReferenceCache>(), connectionString, sp.GetRequiredService<CacheOptions>(), sp.GetRequiredService<ILogger<SqlServerCacheChannel>>()));
            services.AddSingleton<ICacheChannel>(sp => sp.GetRequiredService<SqlServerCacheChannel>());
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<SqlServerCacheChannel>());
            services.AddScoped<IModuleInitializer>(_ => new SqlServerCacheTableInitializer(connectionString));
        }
        else
        {
            services.AddSingleton<ICacheChannel, LocalCacheChannel>();
        }
        return services;
    }
}
