using MediatR;

namespace Needling.Contracts.Booking;

/// <summary>Asks for one appointment as it stands; the answer is null when it does not exist.</summary>
/// <param name="AppointmentId">Appointment id.</param>
public sealed record GetAppointment(Guid AppointmentId) : IRequest<AppointmentInfo?>;

/// <summary>An appointment, for the modules that act on it (session recording).</summary>
/// <param name="Id">Appointment id.</param>
/// <param name="PatientId">Patient id.</param>
/// <param name="PractitionerId">The practitioner booked.</param>
/// <param name="DeviceId">The device booked, if the treatment needs one.</param>
/// <param name="TreatmentCode">Treatment code.</param>
/// <param name="Indication">Indication code.</param>
/// <param name="StartUtc">Start, UTC.</param>
/// <param name="EndUtc">End, UTC.</param>
/// <param name="Status">FHIR status: booked, arrived, fulfilled, cancelled, noshow.</param>
public sealed record AppointmentInfo(
    Guid Id, Guid PatientId, Guid PractitionerId, Guid? DeviceId, string TreatmentCode, string Indication,
    DateTime StartUtc, DateTime EndUtc, string Status);
