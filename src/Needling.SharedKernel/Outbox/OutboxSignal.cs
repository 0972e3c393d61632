namespace Needling.SharedKernel.Outbox;

/// <summary>Wakes the dispatchers right after a commit that wrote to an outbox, instead of waiting for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try
            {
                _semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // already signalled
            }
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await _semaphore.WaitAsync(timeout, ct);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
