using MediatR;

namespace Needling.Contracts.Booking;

/// <summary>
/// Asks for a patient's completed sessions and booked (future) appointments of the given treatments,
/// so that minimum intervals can be counted both ways.
/// </summary>
/// <param name="PatientId">Patient id.</param>
/// <param name="TreatmentCodes">Treatment codes whose sessions count.</param>
/// <param name="ExcludeAppointmentId">An appointment being rescheduled, left out of its own history.</param>
public sealed record GetTreatmentHistory(Guid PatientId, IReadOnlyList<string> TreatmentCodes, Guid? ExcludeAppointmentId)
    : IRequest<IReadOnlyList<TreatmentHistoryItem>>;

/// <summary>One past session or booked appointment.</summary>
/// <param name="StartUtc">Start, UTC.</param>
/// <param name="TreatmentCode">Treatment code.</param>
/// <param name="Indication">Indication, if recorded.</param>
/// <param name="Completed">True for a completed session, false for a booking still to come.</param>
public sealed record TreatmentHistoryItem(DateTime StartUtc, string TreatmentCode, string? Indication, bool Completed);
