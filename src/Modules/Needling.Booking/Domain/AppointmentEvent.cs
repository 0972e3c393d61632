namespace Needling.Booking.Domain;

/// <summary>One step in an appointment's life: who moved it from what to what, when, and why.</summary>
internal sealed class AppointmentEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AppointmentId { get; init; }
    public string Action { get; init; } = "";
    public string? FromStatus { get; init; }
    public string ToStatus { get; init; } = "";
    public DateTime AtUtc { get; init; }
    public string Actor { get; init; } = "";
    public string? Detail { get; init; }
}
