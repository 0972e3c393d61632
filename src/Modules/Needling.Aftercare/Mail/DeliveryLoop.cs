using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Needling.Aftercare.Mail;

/// <summary>Runs the sender when something is queued and every few seconds, so that a due message never waits long.</summary>
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
