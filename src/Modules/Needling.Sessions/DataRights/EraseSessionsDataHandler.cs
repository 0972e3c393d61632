using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Contracts.DataRights;
using Needling.Sessions.Data;

namespace Needling.Sessions.DataRights;

/// <summary>
/// Session records are the clinical record itself: kept whole while a retention applies (amendments and overrides
/// included: they say why the record reads as it does). With none, everything of the patient's here is deleted. Idempotent.
/// </summary>
internal sealed class EraseSessionsDataHandler(SessionsDbContext db) : IRequestHandler<EraseSessionsData, ModuleErasure>
{
    public async Task<ModuleErasure> Handle(EraseSessionsData r, CancellationToken ct)
    {
        var sessions = await db.Sessions.Where(s => s.PatientId == r.PatientId).ToListAsync(ct);
        if (r.Retention is not null)
        {
            return new ModuleErasure("sessions", [],
                sessions.Count == 0 ? [] : [new KeptPart("treatment session records, with their amendments and overrides", sessions.Count, r.Retention.Reason, r.Retention.KeepUntilUtc)]);
        }
        var ids = sessions.Select(s => s.Id).ToList();
        var appointments = sessions.Select(s => s.AppointmentId).Concat(r.AppointmentIds).Distinct().ToList();
        // Tracked deletes, so that each leaves its audit row.
        db.Overrides.RemoveRange(await db.Overrides.Where(o => ids.Contains(o.SessionId)).ToListAsync(ct));
        db.Amendments.RemoveRange(await db.Amendments.Where(a => ids.Contains(a.SessionId)).ToListAsync(ct));
        db.Events.RemoveRange(await db.Events.Where(e => appointments.Contains(e.AppointmentId) || (e.SessionId != null && ids.Contains(e.SessionId.Value))).ToListAsync(ct));
        db.Sessions.RemoveRange(sessions);
        await db.SaveChangesAsync(ct);
        return new ModuleErasure("sessions", [new ErasedPart("treatment sessions and their history", sessions.Count)], []);
    }
}
