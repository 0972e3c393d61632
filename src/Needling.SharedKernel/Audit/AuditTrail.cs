using Microsoft.EntityFrameworkCore;
using Needling.Contracts.Audit;

namespace Needling.SharedKernel.Audit;

/// <summary>A module's part of a patient's audit trail, read from its own audit log.</summary>
public static class AuditTrail
{
    public static Task<IReadOnlyList<AuditTrailEntry>> ReadAsync(DbContext db, string module, AuditTrailQuery q, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(q);
        return ReadAsync(db, module, q.PatientId, q.FromUtc, q.ToUtc, ct);
    }

    public static async Task<IReadOnlyList<AuditTrailEntry>> ReadAsync(DbContext db, string module, Guid patientId, DateTime? fromUtc, DateTime? toUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.Set<AuditRecord>().AsNoTracking().Where(a => a.PatientId == patientId);
        if (fromUtc is { } from)
        {
            rows = rows.Where(a => a.AtUtc >= from);
        }
        if (toUtc is { } to)
        {
            rows = rows.Where(a => a.AtUtc < to);
        }
        return await rows.OrderBy(a => a.AtUtc).ThenBy(a => a.Id)
            .Select(a => new AuditTrailEntry(a.Id, a.AtUtc, module, a.Actor, a.Action, a.EntityType, a.EntityId, a.Fields))
            .ToListAsync(ct);
    }
}
