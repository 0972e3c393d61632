using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Needling.Sessions.Data;
using Needling.Sessions.Domain;
using Needling.SharedKernel.Audit;

namespace Needling.Api.Tests.Support;

/// <summary>Reads the Sessions module's audit trail and event log from the database, as the clinic's auditor would.</summary>
internal static class SessionAudit
{
    public static async Task<List<AuditRecord>> Rows(AppFixture app, string entityType)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
        return await db.Set<AuditRecord>().AsNoTracking().Where(a => a.EntityType == entityType).ToListAsync();
    }

    public static async Task<List<SessionEvent>> Events(AppFixture app, Guid appointmentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
        return await db.Events.AsNoTracking().Where(e => e.AppointmentId == appointmentId).ToListAsync();
    }
}
