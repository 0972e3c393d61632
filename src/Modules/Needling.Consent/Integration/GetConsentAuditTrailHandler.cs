using MediatR;
using Needling.Contracts.Audit;
using Needling.Consent.Data;
using Needling.SharedKernel.Audit;

namespace Needling.Consent.Integration;

internal sealed class GetConsentAuditTrailHandler(ConsentDbContext db) : IRequestHandler<GetConsentAuditTrail, IReadOnlyList<AuditTrailEntry>>
{
    public Task<IReadOnlyList<AuditTrailEntry>> Handle(GetConsentAuditTrail q, CancellationToken ct) => AuditTrail.ReadAsync(db, ConsentDbContext.Schema, q.Query, ct);
}
