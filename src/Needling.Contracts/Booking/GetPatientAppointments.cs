using MediatR;

namespace Needling.Contracts.Booking;

/// <summary>Asks for every appointment of one patient, cancelled and missed ones included, oldest first (empty for an unknown patient).</summary>
/// <param name="PatientId">Patient id.</param>
public sealed record GetPatientAppointments(Guid PatientId) : IRequest<IReadOnlyList<PatientAppointment>>;

/// <summary>One appointment as GET /appointments/{id} shows it.</summary>
/// <param name="Id">Appointment id.</param>
/// <param name="PractitionerId">The practitioner booked.</param>
/// <param name="RoomId">The room booked.</param>
/// <param name="DeviceId">The device booked, if the treatment needs one.</param>
/// <param name="TreatmentCode">Treatment code.</param>
/// <param name="Indication">Indication code.</param>
/// <param name="StartUtc">Start, UTC.</param>
/// <param name="EndUtc">End, UTC.</param>
/// <param name="Status">FHIR R4 Appointment.status: booked, arrived, fulfilled, cancelled, noshow.</param>
/// <param name="CancelReason">Why it was cancelled, when it was.</param>
/// <param name="CreatedAtUtc">When it was booked (UTC).</param>
/// <param name="Warnings">The rules' warnings it was booked with.</param>
public sealed record PatientAppointment(
    Guid Id, Guid PractitionerId, Guid RoomId, Guid? DeviceId, string TreatmentCode, string Indication, DateTime StartUtc, DateTime EndUtc,
    string Status, string? CancelReason, DateTime CreatedAtUtc, IReadOnlyList<BookingWarning> Warnings);

/// <summary>A warning a rule gave when the appointment was booked (it was booked all the same).</summary>
/// <param name="RuleId">Rule id, e.g. "ci.keloid-history".</param>
/// <param name="RuleVersion">The rule's version.</param>
/// <param name="Message">The finding as staff saw it.</param>
/// <param name="Source">The rule's source (citation).</param>
public sealed record BookingWarning(string RuleId, int RuleVersion, string Message, string Source);
