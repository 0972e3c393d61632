using MediatR;

namespace Needling.Contracts.Sessions;

/// <summary>Asks for the treatment session recorded for an appointment; null when none was started.</summary>
/// <param name="AppointmentId">Appointment id.</param>
public sealed record GetAppointmentSession(Guid AppointmentId) : IRequest<AppointmentSessionInfo?>;

/// <summary>The session of one appointment.</summary>
/// <param name="SessionId">Session id.</param>
/// <param name="Signed">True once the practitioner signed the record (it is then locked).</param>
/// <param name="SignedAtUtc">When it was signed.</param>
public sealed record AppointmentSessionInfo(Guid SessionId, bool Signed, DateTime? SignedAtUtc);
