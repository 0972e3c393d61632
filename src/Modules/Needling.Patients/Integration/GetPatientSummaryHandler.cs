using MediatR;
using Needling.Contracts.Patients;

namespace Needling.Patients.Integration;

internal sealed class GetPatientSummaryHandler(PatientReads reads) : IRequestHandler<GetPatientSummary, PatientSummary?>
{
    public Task<PatientSummary?> Handle(GetPatientSummary request, CancellationToken cancellationToken) =>
        reads.SummaryAsync(request.PatientId, cancellationToken);
}
