namespace Needling.Consent.Domain;

/// <summary>
/// Consent's own note of a booked appointment, kept from Booking's facts (booked, rescheduled, cancelled, completed)
/// so that a withdrawn or superseded consent can be asked for again before the next session without calling Booking.
/// </summary>
internal sealed class UpcomingAppointment
{
    public Guid AppointmentId { get; init; }
    public Guid PatientId { get; init; }
    public string TreatmentCode { get; init; } = "";
    public DateTime StartUtc { get; set; }
}
