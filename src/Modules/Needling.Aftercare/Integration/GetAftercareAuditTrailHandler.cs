using MediatR;
using Needling.Contracts.Audit;
using Needling.Aftercare.Data;
using Needling.SharedKernel.Audit;

namespace Needling.Aftercare.Integration;

internal sealed class GetAftercareAuditTrailHandler(AftercareDbContext db) : IRequestHandler<GetAftercareAuditTrail, IReadOnlyList<AuditTrailEntry>>
{
    public Task<IReadOnlyList<AuditTrailEntry>> Handle(GetAftercareAuditTrail q, CancellationToken ct) => AuditTrail.ReadAsync(db, AftercareDbContext.Schema, q.Query, ct);
}
