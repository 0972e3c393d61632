using Needling.SharedKernel.Errors;

namespace Needling.Booking.Appointments;

/// <summary>409: the practitioner, room, device or patient is already booked for an overlapping time.</summary>
internal sealed class SlotTakenException(string resource)
    : NeedlingException("Slot taken", $"The {resource} is already booked for an overlapping time.")
{
    public string Resource { get; } = resource;
    public override int StatusCode => 409;
    public override IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?> { ["resource"] = Resource };

    /// <summary>Which resource a PostgreSQL exclusion constraint (named in the migration) protects.</summary>
    public static SlotTakenException FromConstraint(string constraint) => new(constraint switch
    {
        "ex_appointments_practitioner" => "practitioner",
        "ex_appointments_room" => "room",
        "ex_appointments_device" => "device",
        "ex_appointments_patient" => "patient",
        _ => "time slot",
    });
}
