using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Needling.Aftercare.Mail;

/// <summary>
/// Latency, not the guarantee: runs the sender when something is queued and every few seconds, so that a due message
/// never waits for the minute of the recurring job (<see cref="DeliveryWork"/>, on the Hangfire dashboard). Claims make
/// the two, and every instance, safe to run at once.
/// </summary>
internal sealed class DeliveryLoop(IServiceScopeFactory scopes, DeliverySignal signal, ILogger<DeliveryLoop> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeliverySender>().SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning("Aftercare delivery failed: {ExceptionType}", ex.GetType().Name);
            }
            await signal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
        }
    }
}

/// <summary>The messages due now, as Hangfire's recurring job "aftercare-deliveries" (every minute).</summary>
internal sealed class DeliveryWork(DeliverySender sender) : Needling.SharedKernel.Jobs.IRecurringWork
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var total = 0;
        int sent;
        while ((sent = await sender.SendDueAsync(ct)) > 0)
        {
            total += sent;
        }
        return total;
    }
}
