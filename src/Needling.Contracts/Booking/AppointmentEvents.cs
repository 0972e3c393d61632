using MediatR;

namespace Needling.Contracts.Booking;

/// <summary>An appointment as other modules hear of it. Published through the outbox: at least once, so handlers must be idempotent.</summary>
/// <param name="AppointmentId">Appointment id.</param>
/// <param name="PatientId">Patient id.</param>
/// <param name="PractitionerId">Practitioner id.</param>
/// <param name="TreatmentCode">Treatment code.</param>
/// <param name="Indication">Indication code.</param>
/// <param name="StartUtc">Start, UTC.</param>
/// <param name="EndUtc">End, UTC.</param>
public sealed record AppointmentSnapshot(Guid AppointmentId, Guid PatientId, Guid PractitionerId, string TreatmentCode, string Indication, DateTime StartUtc, DateTime EndUtc);

/// <summary>An appointment was booked.</summary>
/// <param name="Appointment">The appointment.</param>
[EventName("booking.appointment-booked")]
public sealed record AppointmentBooked(AppointmentSnapshot Appointment) : INotification;

/// <summary>An appointment moved to another time, practitioner, room or device.</summary>
/// <param name="Appointment">The appointment after the change.</param>
/// <param name="PreviousStartUtc">Start before the change.</param>
[EventName("booking.appointment-rescheduled")]
public sealed record AppointmentRescheduled(AppointmentSnapshot Appointment, DateTime PreviousStartUtc) : INotification;

/// <summary>An appointment was cancelled.</summary>
/// <param name="Appointment">The appointment.</param>
/// <param name="Reason">Why, as recorded.</param>
[EventName("booking.appointment-cancelled")]
public sealed record AppointmentCancelled(AppointmentSnapshot Appointment, string Reason) : INotification;

/// <summary>The session took place and the appointment is fulfilled.</summary>
/// <param name="Appointment">The appointment.</param>
/// <param name="CompletedAtUtc">When it was marked complete.</param>
[EventName("booking.appointment-completed")]
public sealed record AppointmentCompleted(AppointmentSnapshot Appointment, DateTime CompletedAtUtc) : INotification;
