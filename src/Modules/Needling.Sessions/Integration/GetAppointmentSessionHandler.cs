using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Contracts.Sessions;
using Needling.Sessions.Data;
using Needling.Sessions.Domain;

namespace Needling.Sessions.Integration;

internal sealed class GetAppointmentSessionHandler(SessionsDbContext db) : IRequestHandler<GetAppointmentSession, AppointmentSessionInfo?>
{
    public Task<AppointmentSessionInfo?> Handle(GetAppointmentSession q, CancellationToken ct) =>
        db.Sessions.AsNoTracking()
            .Where(s => s.AppointmentId == q.AppointmentId)
            .Select(s => new AppointmentSessionInfo(s.Id, s.Status == SessionStatus.Signed, s.SignedAtUtc))
            .SingleOrDefaultAsync(ct);
}
