using Needling.SharedKernel.Audit;

namespace Needling.Booking.Domain;

/// <summary>
/// One booked treatment for one patient with one practitioner, in one room, with one device. Times are
/// UTC; the clinic's time zone is applied at the edges. Status codes follow FHIR R4 Appointment.status.
/// </summary>
internal sealed class Appointment : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public Guid PractitionerId { get; set; }
    public Guid RoomId { get; set; }
    public Guid? DeviceId { get; set; }
    public string TreatmentCode { get; init; } = "";
    public string Indication { get; init; } = "";
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public string Status { get; set; } = AppointmentStatus.Booked;
    /// <summary>What a calendar may show instead of the patient's name.</summary>
    public string PatientInitials { get; set; } = "";
    public string? CancelReason { get; set; }
    public string EligibilityOutcome { get; set; } = "";
    public int RuleSetVersion { get; set; }
    /// <summary>The warnings (rule id, message) the booking was made with, as JSON.</summary>
    public string WarningsJson { get; set; } = "[]";
    /// <summary>RFC 5545 SEQUENCE: raised on every change a calendar must show.</summary>
    public int Sequence { get; set; }
    public DateTime CreatedAtUtc { get; init; }
    public DateTime UpdatedAtUtc { get; set; }
}

internal static class AppointmentStatus
{
    public const string Booked = "booked";
    public const string Arrived = "arrived";
    public const string Fulfilled = "fulfilled";
    public const string Cancelled = "cancelled";
    public const string NoShow = "noshow";

    /// <summary>Statuses that hold their time slot: a cancelled or missed appointment frees it.</summary>
    public static readonly string[] Occupying = [Booked, Arrived, Fulfilled];

    /// <summary>Allowed moves; anything else is refused with 409 naming both statuses.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Transitions = new Dictionary<string, string[]>
    {
        [Booked] = [Arrived, Cancelled, NoShow],
        [Arrived] = [Fulfilled, Cancelled],
        [Fulfilled] = [],
        [Cancelled] = [],
        [NoShow] = [],
    };
}
