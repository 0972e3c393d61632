using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Needling.Api.Tests.Support;

/// <summary>The service's background work (outbox dispatch, Hangfire jobs) as a test waits for it.</summary>
public static class Background
{
    private static readonly string[] Modules = ["booking", "consent", "sessions"]; // the modules that publish facts through an outbox

    /// <summary>
    /// Waits until every outbox is dispatched and Hangfire has nothing queued or running, twice in a row a quarter of a
    /// second apart (a fetched job is briefly neither); says whether that happened within <paramref name="seconds"/>.
    /// </summary>
    public static async Task<bool> SettledAsync(AppFixture app, int seconds = 30)
    {
        var monitor = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var undispatched = "SELECT " + string.Join(" + ", Modules.Select(m => $"(SELECT COUNT(*) FROM {app.Database.Table(m, "outbox")} WHERE processed_at_utc IS NULL)"));
        var quiet = 0;
        for (var until = DateTime.UtcNow.AddSeconds(seconds); DateTime.UtcNow < until; await Task.Delay(250))
        {
            var idle = await app.Database.ScalarAsync(undispatched) == 0 && monitor.ProcessingCount() == 0 && monitor.Queues().Sum(q => q.Length) == 0;
            quiet = idle ? quiet + 1 : 0;
            if (quiet >= 2)
            {
                return true;
            }
        }
        return false;
    }
}
