using Hl7.Fhir.Model;
using Needling.Contracts.Booking;
using Needling.Fhir.Gathering;
using Needling.Fhir.Terminology;

namespace Needling.Fhir.Mapping;

/// <summary>Appointments: the service's statuses are FHIR R4's already (booked, arrived, fulfilled, cancelled, noshow).</summary>
internal static class AppointmentMap
{
    public static IEnumerable<Appointment> From(PatientRecord r) => r.Appointments.Select(a => From(a, r));

    private static Appointment From(PatientAppointment a, PatientRecord r)
    {
        var appointment = new Appointment
        {
            Id = Elements.Id(a.Id),
            Status = StatusOf(a.Status),
            ServiceType = [Elements.Treatment(a.TreatmentCode, r.TreatmentNames)],
            ReasonCode = [Elements.Indication(a.Indication)],
            Start = Elements.Instant(a.StartUtc),
            End = Elements.Instant(a.EndUtc),
            MinutesDuration = (int)(a.EndUtc - a.StartUtc).TotalMinutes,
            Created = Elements.Time(a.CreatedAtUtc),
            Participant =
            [
                Accepted(Elements.Ref("Patient", r.Patient.Id)),
                Accepted(PractitionerMap.Ref(a.PractitionerId, r.Practitioners)),
                Accepted(Logical("Location", CodeSystems.RoomId, Elements.Id(a.RoomId), r.Resources?.Rooms.FirstOrDefault(x => x.Id == a.RoomId)?.Name)),
            ],
        };
        if (a.DeviceId is { } deviceId)
        {
            // Named by its serial while the clinic still lists it; a retired device by its id.
            var device = r.Resources?.Devices.FirstOrDefault(d => d.Id == deviceId);
            appointment.Participant.Add(Accepted(device is null
                ? Logical("Device", CodeSystems.DeviceId, Elements.Id(deviceId), null)
                : Logical("Device", CodeSystems.DeviceSerial, device.Serial, device.Name)));
        }
        if (a.CancelReason is { Length: > 0 } reason)
        {
            appointment.CancelationReason = new CodeableConcept { Text = reason };
        }
        return appointment;
    }

    /// <summary>A room or device is not exported as a resource of its own: a logical reference names it.</summary>
    internal static ResourceReference Logical(string type, string system, string value, string? display) =>
        new() { Type = type, Identifier = new Identifier(system, value), Display = display };

    private static Appointment.ParticipantComponent Accepted(ResourceReference actor) =>
        new() { Actor = actor, Status = ParticipationStatus.Accepted };

    private static Appointment.AppointmentStatus StatusOf(string status) => status switch
    {
        "booked" => Appointment.AppointmentStatus.Booked,
        "arrived" => Appointment.AppointmentStatus.Arrived,
        "fulfilled" => Appointment.AppointmentStatus.Fulfilled,
        "cancelled" => Appointment.AppointmentStatus.Cancelled,
        "noshow" => Appointment.AppointmentStatus.Noshow,
        _ => throw new InvalidOperationException($"Appointment status '{status}' has no FHIR equivalent."),
    };
}
