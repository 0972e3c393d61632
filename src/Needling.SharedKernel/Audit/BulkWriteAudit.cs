using Microsoft.EntityFrameworkCore;

namespace Needling.SharedKernel.Audit;

/// <summary>
/// ExecuteUpdate and ExecuteDelete go straight to the database, past SaveChanges and so past <see cref="AuditInterceptor"/>.
/// A write of an audited record done so goes through here: the write and its audit row commit in one transaction.
/// </summary>
public sealed class BulkWriteAudit(ICurrentActor actor, TimeProvider clock)
{
    /// <param name="db">The module's context (nothing else should be pending in it: it is saved with the audit row).</param>
    /// <param name="action">updated or deleted.</param>
    /// <param name="entityType">The record's type name, as the interceptor writes it.</param>
    /// <param name="entityId">The record written.</param>
    /// <param name="patientId">Whose record it is, if a patient's.</param>
    /// <param name="fields">The fields the write sets.</param>
    /// <param name="write">The ExecuteUpdate/ExecuteDelete; returns the rows it changed. No row changed, no audit row.</param>
    /// <param name="ct">Cancellation.</param>
    public Task<int> ExecuteAsync(DbContext db, string action, string entityType, Guid entityId, Guid? patientId, string fields,
        Func<CancellationToken, Task<int>> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(write);
        if (db.Database.CurrentTransaction is not null)
        {
            return WriteAsync(db, action, entityType, entityId, patientId, fields, write, ct);
        }
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var changed = await WriteAsync(db, action, entityType, entityId, patientId, fields, write, token);
            await tx.CommitAsync(token);
            return changed;
        }, ct);
    }

    private async Task<int> WriteAsync(DbContext db, string action, string entityType, Guid entityId, Guid? patientId, string fields,
        Func<CancellationToken, Task<int>> write, CancellationToken ct)
    {
        var changed = await write(ct);
        if (changed > 0)
        {
            db.Set<AuditRecord>().Add(new AuditRecord
            {
                AtUtc = clock.GetUtcNow().UtcDateTime,
                Actor = actor.Id,
                Action = action,
                EntityType = entityType,
                EntityId = entityId.ToString(),
                Fields = fields,
                PatientId = patientId,
            });
            await db.SaveChangesAsync(ct);
        }
        return changed;
    }
}
