using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;

namespace Needling.Booking.Appointments;

/// <summary>
/// SQLite has no exclusion constraints, and it runs in one process: there, the clash check and the insert
/// run one at a time behind this lock (a serialized write), so two overlapping bookings cannot both pass
/// the check. On PostgreSQL the exclusion constraints decide, on SQL Server locks held by the database
/// (<see cref="SqlServerSlotLocks"/>), and this lock is not taken.
/// </summary>
internal sealed class BookingWriteLock
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(BookingDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return NoLock.Instance;
        }
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    private sealed class NoLock : IDisposable
    {
        public static readonly NoLock Instance = new();

        public void Dispose()
        {
        }
    }
}
