using Needling.Aftercare.Data;
using Needling.Aftercare.Domain;

namespace Needling.Aftercare.Mail;

/// <summary>Adds a message to the delivery table with the change that causes it; the sender is nudged after commit.</summary>
internal sealed class DeliveryQueue(AftercareDbContext db, DeliverySignal signal)
{
    /// <param name="variant">Tells apart messages of one kind about one subject (a reminder per appointment time).</param>
    public void Add(string kind, Guid subjectId, Guid patientId, DateTime dueAtUtc, bool hasAddress, DateTime? nowUtc = null, string? variant = null) =>
        db.Deliveries.Add(new Delivery
        {
            Key = variant is null ? $"{kind}:{subjectId}" : $"{kind}:{subjectId}:{variant}", Kind = kind, SubjectId = subjectId, PatientId = patientId, DueAtUtc = dueAtUtc,
            Status = hasAddress ? DeliveryStatus.Pending : DeliveryStatus.NoAddress,
            MessageId = $"{kind}.{subjectId:N}{(variant is null ? "" : "." + variant)}@needling.local", CreatedAtUtc = nowUtc ?? dueAtUtc,
        });

    public void Notify() => signal.Notify();
}

/// <summary>Wakes the sender when something was queued, instead of waiting for its next poll.</summary>
internal sealed class DeliverySignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // already signalled
            }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
