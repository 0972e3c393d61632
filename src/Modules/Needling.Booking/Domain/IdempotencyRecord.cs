namespace Needling.Booking.Domain;

/// <summary>
/// The first answer to a request that carried an Idempotency-Key, so a retry gets the same answer and
/// creates nothing new. Keys are scoped to the caller and the operation.
/// </summary>
internal sealed class IdempotencyRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Scope { get; init; } = "";
    public string Key { get; init; } = "";
    public string RequestHash { get; init; } = "";
    public int StatusCode { get; init; }
    public string ResponseJson { get; init; } = "";
    public string? Location { get; init; }
    public DateTime CreatedAtUtc { get; init; }
}
