using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Modules;
using Needling.SharedKernel.Outbox;

namespace Needling.Api.Jobs;

/// <summary>Hangfire, the one background-job engine: storage per provider, the server, the outbox's jobs and the dashboard.</summary>
internal static class JobsSetup
{
    public const string DashboardPath = "/hangfire";

    public static IServiceCollection AddNeedlingJobs(this IServiceCollection services, IConfiguration config, bool runsServer)
    {
        var database = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var jobs = config.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.Configure<JobsOptions>(config.GetSection(JobsOptions.Section));

        // Settings only; Hangfire keeps them in static state, so they are the same for every host in a process.
        services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        // Storage, activator and filters per host, registered after AddHangfire so that they win: its defaults are
        // static too (JobStorage.Current, JobActivator.Current), and two hosts in one process (tests: two instances
        // on one database) would otherwise run each other's jobs in each other's containers.
        services.AddSingleton<JobStorage>(_ => JobStorageFactory.Create(database, jobs));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IJobFilterProvider>(_ => Filters(jobs));
        services.AddScoped<IModuleInitializer, JobsInitializer>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(new OutboxDispatchOptions(database.Provider == DatabaseProvider.Sqlite ? 1 : 8));
        if (runsServer)
        {
            services.AddHangfireServer((sp, o) =>
            {
                o.WorkerCount = Math.Max(1, jobs.Workers);
                o.SchedulePollingInterval = TimeSpan.FromSeconds(jobs.PollingSeconds);
                o.Activator = sp.GetRequiredService<JobActivator>();
                o.FilterProvider = sp.GetRequiredService<IJobFilterProvider>();
            });
            services.AddHostedService<OutboxDispatchLoop>();
        }
        return services;
    }

    /// <summary>
    /// Hangfire's global filters, with our retry policy instead of its default (10 attempts, delays of its own):
    /// attempts and the first delay come from configuration. Failures are not logged by the filter (an exception
    /// message may quote patient data); they are on the dashboard for Admins, with their exception types and stack
    /// traces but without their messages (<see cref="WithheldFailureMessages"/>).
    /// </summary>
    private static JobFilterProviderCollection Filters(JobsOptions jobs)
    {
        var filters = new JobFilterCollection();
        foreach (var filter in GlobalJobFilters.Filters.Where(f => f.Instance is not AutomaticRetryAttribute))
        {
            filters.Add(filter.Instance, filter.Order);
        }
        filters.Add(new AutomaticRetryAttribute
        {
            Attempts = jobs.RetryAttempts,
            DelayInSecondsByAttemptFunc = attempt => (int)jobs.RetryDelay(attempt).TotalSeconds,
            LogEvents = false,
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        });
        filters.Add(new WithheldFailureMessages(), WithheldFailureMessages.Order);
        filters.Add(new JobTelemetryFilter());
        return new JobFilterProviderCollection(filters, new JobFilterAttributeFilterProvider());
    }

    public static WebApplication UseNeedlingJobsDashboard(this WebApplication app)
    {
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new AdminOnlyDashboard()],
            IsReadOnlyFunc = AdminOnlyDashboard.IsReadOnly,
            DisplayStorageConnectionString = false,
            DashboardTitle = "Needling jobs",
            // No "back to site" link: the service has no site of its own.
            AppPath = null,
        });
        return app;
    }
}
