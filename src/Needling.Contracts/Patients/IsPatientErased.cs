using MediatR;

namespace Needling.Contracts.Patients;

/// <summary>
/// Asks whether a patient's data was erased at or after a moment (an erasure requested then or later, finished or
/// still under way), or the patient was erased entirely. A module acting on a fact or a message from before that
/// moment must then write and send nothing more about the patient: a fact still in the outbox when the erasure ran
/// would otherwise bring back what was erased. A patient who returns after an erasure is not affected by newer facts.
/// </summary>
/// <param name="PatientId">Patient id.</param>
/// <param name="SinceUtc">When the fact happened, or the message was queued (UTC).</param>
public sealed record IsPatientErased(Guid PatientId, DateTime SinceUtc) : IRequest<bool>;
