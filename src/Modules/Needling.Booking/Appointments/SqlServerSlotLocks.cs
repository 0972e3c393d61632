using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Booking.Domain;

namespace Needling.Booking.Appointments;

/// <summary>
/// SQL Server has no exclusion constraints, so there the booking guarantees (no practitioner, room or device booked
/// twice for overlapping times, and the per-patient interval rule) are kept by locks that the booking's transaction
/// takes before it reads anything, and by the checks that run under them (<see cref="ClashCheck"/> and the
/// eligibility question).
///
/// Mechanism: application locks, <c>sp_getapplock</c> with <c>@LockOwner = 'Transaction'</c>, one per patient and one
/// per practitioner, room and device the appointment will hold. SQL Server releases them at commit or rollback, so
/// none is ever left behind, and they work across instances like PostgreSQL's advisory locks. Lock order, always the
/// same: the patient (<see cref="PatientLock"/>, first and alone), then practitioner, room, device. A transaction
/// takes at most one lock of each kind and never waits for a lock of an earlier kind while it holds a later one, so
/// the locks cannot form a cycle; they are all taken before the transaction reads or writes a row, so no row lock is
/// held while one of them is awaited. Bookings that share nothing take different locks and do not wait for each other.
/// A booking that moves an appointment locks the resources it moves to; what it leaves is freed, which cannot clash.
///
/// Why not SERIALIZABLE with key-range locks on the appointments' indexes: whether it holds depends on the plan (an
/// OR across four resources scans ranges that change with the statistics), its range locks cover whole stretches of
/// a practitioner's or patient's history, and two bookings that each read a range and then insert into the other's
/// deadlock by design, so every busy slot would cost a deadlock and a retry. The application locks say exactly what
/// is guarded, in names an IT person can see in sys.dm_tran_locks, and they hold under READ_COMMITTED_SNAPSHOT as well:
/// the clash check is a statement that starts after the locks are granted, so it sees every booking that held them.
///
/// The cost: the guarantee lives in the service, not the schema. SQL typed by hand that skips the service can
/// double-book on SQL Server (PostgreSQL's constraints refuse it).
/// </summary>
internal static class SqlServerSlotLocks
{
    // Below SqlClient's default command timeout (30 s), so that a lock not granted ends with our own error.
    private const int TimeoutMilliseconds = 20_000;

    /// <summary>The practitioner's, room's and device's locks, in that order; after the patient's, before the clash check.</summary>
    public static Task LockResourcesAsync(BookingDbContext db, Appointment candidate, CancellationToken ct)
    {
        List<object> names = [Name("practitioner", candidate.PractitionerId), Name("room", candidate.RoomId)];
        if (candidate.DeviceId is { } device)
        {
            names.Add(Name("device", device));
        }
        return db.Database.ExecuteSqlRawAsync(Batch(names.Count), names, ct);
    }

    internal static string Name(string kind, Guid id) => $"needling.booking.{kind}.{id:N}";

    /// <summary>
    /// One round trip that takes <paramref name="count"/> locks in the order of its parameters ({0}, {1}, ... which EF
    /// sends as @p0, @p1, ...). A lock the server does not grant ends the batch with an error: 51205 when it chose this
    /// request as a deadlock victim (the execution strategy runs the booking again), 51000 when the wait timed out.
    /// </summary>
    internal static string Batch(int count)
    {
        var sql = new System.Text.StringBuilder("DECLARE @granted int;\n");
        for (var i = 0; i < count; i++)
        {
            sql.Append("EXEC @granted = sys.sp_getapplock @Resource = {").Append(i)
                .Append("}, @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = ").Append(TimeoutMilliseconds).Append(";\n")
                .Append("IF @granted = -3 THROW 51205, N'Booking lock: chosen as a deadlock victim.', 1;\n")
                .Append("IF @granted < 0 THROW 51000, N'Booking lock: not granted within the timeout.', 1;\n");
        }
        return sql.ToString();
    }
}
