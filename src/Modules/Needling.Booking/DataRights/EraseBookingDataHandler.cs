using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Contracts.DataRights;

namespace Needling.Booking.DataRights;

/// <summary>
/// Erases Booking's data about a patient. Without a retention to honour, every appointment and its history goes. With
/// one, the appointments stay (the session records refer to them) but lose the patient's initials (what calendar feeds
/// show) and every free-text note; appointments still ahead are cancelled, so no reminder and no calendar shows them.
/// Idempotent: a second run finds nothing left to change.
/// </summary>
internal sealed class EraseBookingDataHandler(BookingDbContext db, TimeProvider clock) : IRequestHandler<EraseBookingData, ModuleErasure>
{
    internal const string ErasedReason = "Patient data erased";

    public async Task<ModuleErasure> Handle(EraseBookingData r, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var appointments = await db.Appointments.Where(a => a.PatientId == r.PatientId).ToListAsync(ct);
        var ids = appointments.Select(a => a.Id).ToList();
        if (r.Retention is null)
        {
            var events = await db.AppointmentEvents.Where(e => ids.Contains(e.AppointmentId)).ExecuteDeleteAsync(ct);
            db.Appointments.RemoveRange(appointments);
            await db.SaveChangesAsync(ct);
            return new ModuleErasure("booking", [new ErasedPart("appointments, with their history and calendar entries", appointments.Count + events)], []);
        }

        var cancelled = 0;
        foreach (var a in appointments)
        {
            if (a.StartUtc > now && a.Status is AppointmentStatus.Booked or AppointmentStatus.Arrived)
            {
                a.Status = AppointmentStatus.Cancelled;
                a.CancelReason = ErasedReason;
                a.Sequence++;
                cancelled++;
            }
            else if (a.CancelReason is not null && a.CancelReason != ErasedReason)
            {
                a.CancelReason = null;
            }
            a.PatientInitials = "";
            if (db.Entry(a).State == EntityState.Modified)
            {
                a.UpdatedAtUtc = now;
            }
        }
        var notes = await db.AppointmentEvents.Where(e => ids.Contains(e.AppointmentId) && e.Detail != null).ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, (string?)null), ct);
        var changed = db.ChangeTracker.Entries<Appointment>().Count(e => e.State == EntityState.Modified);
        await db.SaveChangesAsync(ct);
        var kept = appointments.Count(a => a.CancelReason != ErasedReason);
        return new ModuleErasure("booking",
            [
                new ErasedPart("appointments still ahead (cancelled)", cancelled),
                new ErasedPart("initials shown in calendar feeds, and free-text notes on appointments", changed - cancelled + notes),
            ],
            kept == 0 ? [] : [new KeptPart("appointments of the treatment record (dates, practitioner, treatment)", kept, r.Retention.Reason, r.Retention.KeepUntilUtc)]);
    }
}
