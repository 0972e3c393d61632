using MediatR;
using Needling.Contracts.Audit;
using Needling.Sessions.Data;
using Needling.SharedKernel.Audit;

namespace Needling.Sessions.Integration;

internal sealed class GetSessionsAuditTrailHandler(SessionsDbContext db) : IRequestHandler<GetSessionsAuditTrail, IReadOnlyList<AuditTrailEntry>>
{
    public Task<IReadOnlyList<AuditTrailEntry>> Handle(GetSessionsAuditTrail q, CancellationToken ct) => AuditTrail.ReadAsync(db, SessionsDbContext.Schema, q.Query, ct);
}
