using System.ComponentModel;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Needling.SharedKernel.Jobs;

/// <summary>
/// Work a module does on a schedule, over rows in its own tables (messages due, say). The host runs each as a
/// Hangfire recurring job, so it runs once per schedule across instances and shows on the dashboard; a module may
/// also run it sooner itself for latency. Returns how much it did.
/// </summary>
public interface IRecurringWork
{
    Task<int> RunAsync(CancellationToken ct);
}

/// <summary>A module's recurring work: its job id, the service that does it, and its Cron schedule.</summary>
public sealed record RecurringWorkRegistration(string Name, Type Type, string Cron);

public static class RecurringWorkExtensions
{
    /// <summary>Registers <typeparamref name="T"/> (scoped) to run as the recurring job <paramref name="name"/>.</summary>
    public static IServiceCollection AddRecurringWork<T>(this IServiceCollection services, string name, string cron) where T : class, IRecurringWork
    {
        services.AddScoped<T>();
        services.AddSingleton(new RecurringWorkRegistration(name, typeof(T), cron));
        services.TryAddScoped<RecurringWorkJobs>();
        return services;
    }
}

/// <summary>The Hangfire job behind every recurring work. It takes the name only; Hangfire stores this class's and method's names.</summary>
public sealed class RecurringWorkJobs(IServiceProvider services, IEnumerable<RecurringWorkRegistration> registrations)
{
    [DisplayName("{0}")]
    [AutomaticRetry(Attempts = 0)] // it runs again at its next schedule; a retry would only queue up behind it
    public async Task RunAsync(string name, CancellationToken ct)
    {
        var registration = registrations.SingleOrDefault(r => r.Name == name)
            ?? throw new InvalidOperationException($"No recurring work is registered as '{name}' in this build.");
        await ((IRecurringWork)services.GetRequiredService(registration.Type)).RunAsync(ct);
    }
}
