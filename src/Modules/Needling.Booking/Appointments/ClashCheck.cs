using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Booking.Domain;

namespace Needling.Booking.Appointments;

/// <summary>
/// The friendly check before the insert, naming the first clashing resource. It is not the guarantee on PostgreSQL:
/// the exclusion constraints are. On SQLite it is, under <see cref="BookingWriteLock"/>; on SQL Server too, under
/// the locks of <see cref="SqlServerSlotLocks"/>.
/// </summary>
internal static class ClashCheck
{
    /// <summary>
    /// Before the insert: on SQLite (under the write lock) the check is the guarantee. On SQL Server it is as well,
    /// once this booking's transaction holds the practitioner's, room's and device's locks (taken here, after the
    /// patient's). On PostgreSQL it is skipped: the exclusion constraints refuse the overlap on insert, and
    /// <see cref="AppointmentWriter"/> turns that refusal into the same 409 naming the resource, so the extra query
    /// per booking bought nothing.
    /// </summary>
    public static async Task EnsureFreeBeforeWriteAsync(BookingDbContext db, Appointment candidate, CancellationToken ct)
    {
        if (db.Database.IsSqlServer())
        {
            await SqlServerSlotLocks.LockResourcesAsync(db, candidate, ct);
        }
        else if (!db.Database.IsSqlite())
        {
            return;
        }
        await EnsureFreeAsync(db, candidate, ct);
    }

    public static async Task EnsureFreeAsync(BookingDbContext db, Appointment candidate, CancellationToken ct)
    {
        var overlapping = db.Appointments.AsNoTracking().Where(a =>
            a.Id != candidate.Id
            && AppointmentStatus.Occupying.Contains(a.Status)
            && a.StartUtc < candidate.EndUtc && candidate.StartUtc < a.EndUtc);
        // Every clashing row (a handful at most), so that the resource named does not depend on which row came
        // first: practitioner, room, device, then patient, the order in which the exclusion constraints are checked.
        var clashes = await overlapping
            .Where(a => a.PractitionerId == candidate.PractitionerId || a.RoomId == candidate.RoomId
                || (candidate.DeviceId != null && a.DeviceId == candidate.DeviceId) || a.PatientId == candidate.PatientId)
            .Select(a => new { a.PractitionerId, a.RoomId, a.DeviceId, a.PatientId })
            .Take(16)
            .ToListAsync(ct);
        if (clashes.Count == 0)
        {
            return;
        }
        throw new SlotTakenException(
            clashes.Any(c => c.PractitionerId == candidate.PractitionerId) ? "practitioner"
            : clashes.Any(c => c.RoomId == candidate.RoomId) ? "room"
            : candidate.DeviceId is not null && clashes.Any(c => c.DeviceId == candidate.DeviceId) ? "device"
            : "patient");
    }
}
