using Microsoft.EntityFrameworkCore;

namespace Needling.SharedKernel.Audit;

/// <summary>
/// Records that someone read a patient's record: one small insert into the audit log of the module that served the
/// request (never again in a module it asked through a contract, so a read is counted once). Ids only, no values.
/// </summary>
public sealed class ReadAudit(ICurrentActor actor, TimeProvider clock)
{
    /// <summary>The actor of a read through a patient's own link (the token is the credential, there is no account).</summary>
    public const string PatientLink = "patient-link";

    /// <param name="db">The serving module's context; only the audit row is saved (reads leave nothing else to save).</param>
    /// <param name="patientId">Whose record was read.</param>
    /// <param name="what">What was read, e.g. "Patient", "Screening", "SessionAftercarePdf".</param>
    /// <param name="resourceId">The record read (often the patient's id itself).</param>
    /// <param name="resourceIds">More records read at once (a list), if any.</param>
    /// <param name="actorId">Who read, when it is not the signed-in staff member.</param>
    public async Task RecordAsync(DbContext db, Guid patientId, string what, Guid resourceId, IEnumerable<Guid>? resourceIds = null,
        string? actorId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Set<AuditRecord>().Add(Row(patientId, what, resourceId, resourceIds, actorId));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A list that shows several patients (a search, the diary, the complications list): one row per patient shown,
    /// naming that patient's records in the answer, all saved in one round trip.
    /// </summary>
    /// <param name="records">Each record in the answer as (its patient, its id); the patient's own id when the record is the patient.</param>
    /// <param name="alsoRead">Patients read even if nothing of theirs was found (a search for one patient).</param>
    public async Task RecordEachPatientAsync(DbContext db, string what, IEnumerable<(Guid PatientId, Guid RecordId)> records,
        Guid? alsoRead = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        var byPatient = ByPatient(records);
        if (alsoRead is { } patient)
        {
            byPatient.TryAdd(patient, []);
        }
        await AddEachAsync(db, what, byPatient, null, ct);
    }

    /// <summary>
    /// A list a machine fetches again and again (a calendar feed, polled every few minutes): one row per patient per
    /// reader per UTC day, written by the first fetch of the day that shows that patient and naming their records in
    /// it; a row per fetch would bury the trail. One query for the patients already recorded today, one insert for the
    /// rest. Two fetches at the same instant may both write a patient's row: a duplicate, never a missing read.
    /// </summary>
    /// <param name="actorId">The reader, e.g. "calendar-feed:{id}": an identity, never a credential such as a token.</param>
    public async Task RecordEachPatientOncePerDayAsync(DbContext db, string what, string actorId,
        IEnumerable<(Guid PatientId, Guid RecordId)> records, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        var byPatient = ByPatient(records);
        if (byPatient.Count == 0)
        {
            return;
        }
        var today = clock.GetUtcNow().UtcDateTime.Date;
        var tomorrow = today.AddDays(1);
        var recorded = await db.Set<AuditRecord>().AsNoTracking()
            .Where(a => a.Actor == actorId && a.Action == "read" && a.EntityType == what
                && a.AtUtc >= today && a.AtUtc < tomorrow && a.PatientId != null)
            .Select(a => a.PatientId!.Value)
            .Distinct()
            .ToListAsync(ct);
        foreach (var patientId in recorded)
        {
            byPatient.Remove(patientId);
        }
        await AddEachAsync(db, what, byPatient, actorId, ct);
    }

    private static Dictionary<Guid, List<Guid>> ByPatient(IEnumerable<(Guid PatientId, Guid RecordId)> records) =>
        records.GroupBy(r => r.PatientId).ToDictionary(g => g.Key, g => g.Select(r => r.RecordId).Distinct().ToList());

    private async Task AddEachAsync(DbContext db, string what, Dictionary<Guid, List<Guid>> byPatient, string? actorId, CancellationToken ct)
    {
        if (byPatient.Count == 0)
        {
            return;
        }
        foreach (var (patientId, ids) in byPatient)
        {
            // A record that is the patient itself needs no list: the row's id already names it.
            db.Set<AuditRecord>().Add(Row(patientId, what, patientId, ids.Where(id => id != patientId), actorId));
        }
        await db.SaveChangesAsync(ct);
    }

    private AuditRecord Row(Guid patientId, string what, Guid resourceId, IEnumerable<Guid>? resourceIds, string? actorId)
    {
        var ids = resourceIds is null ? null : string.Join(",", resourceIds);
        return new AuditRecord
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = actorId ?? actor.Id,
            Action = "read",
            EntityType = what,
            EntityId = resourceId.ToString(),
            // The column is bounded: a long list is cut, never a failed read (the ids are a pointer, not evidence).
            Fields = ids is { Length: > 1000 } ? ids[..1000] : ids is "" ? null : ids,
            PatientId = patientId,
        };
    }
}
