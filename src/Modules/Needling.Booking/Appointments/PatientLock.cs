using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Needling.Booking.Data;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Outbox;

namespace Needling.Booking.Appointments;

/// <summary>
/// Makes "check the interval rule, then write" atomic per patient. The rule reads the patient's other
/// appointments and the insert adds one; two requests for the same patient at different times (two receptionists,
/// or a client retrying) would otherwise both read "no session within 14 days" and both insert. Exclusion
/// constraints cannot say this: the rule is about days between appointments, not overlapping rows.
///
/// PostgreSQL, across instances: the work runs in one transaction that first takes a transaction-scoped advisory
/// lock on the patient (pg_advisory_xact_lock), released by the commit or rollback, never left behind. Lock order:
/// the patient lock is always taken first and alone (one patient per transaction, before any read or write), and
/// only then does the insert/update meet the exclusion constraints on practitioner, room and device. A transaction
/// never waits for a patient lock while it holds a row, so the two kinds of wait cannot form a cycle; bookings of
/// different patients take different locks and do not wait for each other. The (rare) deadlock between two
/// inserts on the exclusion constraints themselves is still run again by the execution strategy, the lock with it.
///
/// Waiting for the advisory lock holds a pooled connection, and the holder may need a second one (a reference-data
/// cache miss in another module). Fifty requests for one patient could then hold the whole pool while the one
/// they wait for cannot get a connection. So requests first queue in this process, per patient (striped gates),
/// and only then take a connection: at most one waiter per patient per instance holds a connection.
///
/// SQL Server, across instances: the same transaction and in-process gates, with an application lock on the patient
/// (sp_getapplock, owned by the transaction) instead of the advisory lock; the clash check then takes the resources'
/// locks in a fixed order under it (<see cref="SqlServerSlotLocks"/>, which says why).
///
/// SQLite: one process and writes are serialized already; the work runs behind <see cref="BookingWriteLock"/>.
/// </summary>
internal sealed class PatientLock(BookingWriteLock sqliteGate, OutboxSignal signal)
{
    // The first key of the two-int advisory-lock space, "NB" (Needling Booking): the two-int and bigint spaces do
    // not overlap (PostgreSQL docs, advisory locks), and no other lock in the system uses this first key.
    private const int Space = 0x4E42;

    // 1024 gates: two patients share one now and then (they wait for each other briefly), memory stays fixed.
    private static readonly SemaphoreSlim[] Gates = [.. Enumerable.Range(0, 1024).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<T> RunAsync<T>(BookingDbContext db, Guid patientId, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            using (await sqliteGate.EnterAsync(db, ct))
            {
                return await work(ct);
            }
        }
        var gate = Gates[TransactionLock.Key(patientId) & (Gates.Length - 1)];
        await gate.WaitAsync(ct);
        try
        {
            return await InTransactionAsync(db, patientId, work, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<T> InTransactionAsync<T>(BookingDbContext db, Guid patientId, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            // A retry starts from what was loaded: what the previous attempt added (the appointment of a booking,
            // its event, outbox message, idempotent answer) is added again by the work, not twice.
            DetachAdded(db.ChangeTracker);
            await using var tx = await db.Database.BeginTransactionAsync(token);
            await TransactionLock.TakeAsync(db, Space, "booking.patient", patientId, token);
            var result = await work(token);
            if (db.Database.CurrentTransaction is not null)
            {
                await tx.CommitAsync(token);
                signal.Notify(); // the outbox message is visible only now
            }
            return result;
        }, ct);
    }

    private static void DetachAdded(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
