using MediatR;
using Needling.Contracts.Audit;
using Needling.Booking.Data;
using Needling.SharedKernel.Audit;

namespace Needling.Booking.Integration;

internal sealed class GetBookingAuditTrailHandler(BookingDbContext db) : IRequestHandler<GetBookingAuditTrail, IReadOnlyList<AuditTrailEntry>>
{
    public Task<IReadOnlyList<AuditTrailEntry>> Handle(GetBookingAuditTrail q, CancellationToken ct) => AuditTrail.ReadAsync(db, BookingDbContext.Schema, q.Query, ct);
}
