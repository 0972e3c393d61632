using MediatR;
using Needling.Contracts.Audit;
using Needling.Patients.Data;
using Needling.SharedKernel.Audit;

namespace Needling.Patients.Integration;

internal sealed class GetPatientsAuditTrailHandler(PatientsDbContext db) : IRequestHandler<GetPatientsAuditTrail, IReadOnlyList<AuditTrailEntry>>
{
    public Task<IReadOnlyList<AuditTrailEntry>> Handle(GetPatientsAuditTrail q, CancellationToken ct) => AuditTrail.ReadAsync(db, PatientsDbContext.Schema, q.Query, ct);
}
