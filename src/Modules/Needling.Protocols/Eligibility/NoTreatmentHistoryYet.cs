using MediatR;
using Needling.Contracts.Booking;

namespace Needling.Protocols.Eligibility;

/// <summary>
/// Appointments and recorded sessions arrive with the Booking module (issue 3), which will answer
/// <see cref="GetTreatmentHistory"/> from its own tables; this handler is then deleted. Until then the
/// system holds no sessions, so the true answer is an empty history.
/// </summary>
internal sealed class NoTreatmentHistoryYet : IRequestHandler<GetTreatmentHistory, IReadOnlyList<TreatmentHistoryItem>>
{
    public Task<IReadOnlyList<TreatmentHistoryItem>> Handle(GetTreatmentHistory request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TreatmentHistoryItem>>([]);
}
