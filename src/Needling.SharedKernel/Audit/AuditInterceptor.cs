using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Needling.SharedKernel.Audit;

/// <summary>
/// Adds the audit rows inside the same SaveChanges, so a clinical write and its audit record are
/// committed together or not at all.
/// </summary>
public sealed class AuditInterceptor(ICurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditRecords(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddAuditRecords(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddAuditRecords(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var records = new List<AuditRecord>();
        var entries = context.ChangeTracker.Entries<IAudited>().ToList();
        // Records that name their patient, saved or loaded in this unit of work: a record without a patient of its own
        // (a session's override or amendment) takes the patient of the tracked record it points to.
        var patients = new Dictionary<Guid, Guid>();
        foreach (var entry in entries)
        {
            if (PatientOf(entry) is { } patient)
            {
                patients[entry.Entity.Id] = patient;
            }
        }
        foreach (var entry in entries)
        {
            var action = entry.State switch
            {
                EntityState.Added => "created",
                EntityState.Modified => "updated",
                EntityState.Deleted => "deleted",
                _ => null,
            };
            if (action is null)
            {
                continue;
            }
            var fields = entry.State == EntityState.Modified
                ? string.Join(",", entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))
                : null;
            records.Add(new AuditRecord
            {
                AtUtc = now,
                Actor = actor.Id,
                Action = action,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = entry.Entity.Id.ToString(),
                Fields = fields,
                PatientId = PatientOf(entry) ?? PointedPatient(entry, patients),
            });
        }
        context.Set<AuditRecord>().AddRange(records);
    }

    private static Guid? PointedPatient(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<IAudited> entry, Dictionary<Guid, Guid> patients)
    {
        foreach (var property in entry.Properties)
        {
            if (property.CurrentValue is Guid id && id != entry.Entity.Id && patients.TryGetValue(id, out var patient))
            {
                return patient;
            }
        }
        return null;
    }

    private static Guid? PatientOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<IAudited> entry) =>
        entry.Entity.AuditPatientId
        ?? (entry.Metadata.FindProperty("PatientId") is { } p ? entry.Property(p.Name).CurrentValue as Guid? : null);
}
