using Microsoft.EntityFrameworkCore;
using Needling.Consent.Data;
using Needling.Consent.Domain;
using Needling.Consent.Requests;
using MediatR;
using Needling.Contracts.Booking;
using Needling.Contracts.Patients;
using Needling.SharedKernel.Outbox;

namespace Needling.Consent.Integration;

/// <summary>Consent's record of booked appointments, from Booking's facts (see <see cref="UpcomingAppointment"/>).</summary>
internal static class UpcomingAppointments
{
    public static async Task NoteAsync(ConsentDbContext db, AppointmentSnapshot a, CancellationToken ct)
    {
        var row = await db.Upcoming.SingleOrDefaultAsync(x => x.AppointmentId == a.AppointmentId, ct);
        if (row is null)
        {
            db.Upcoming.Add(new UpcomingAppointment { AppointmentId = a.AppointmentId, PatientId = a.PatientId, TreatmentCode = a.TreatmentCode, StartUtc = a.StartUtc });
        }
        else
        {
            row.StartUtc = a.StartUtc;
        }
        await db.SaveChangesAsync(ct);
    }

    public static async Task ForgetAsync(ConsentDbContext db, Guid appointmentId, CancellationToken ct)
    {
        await db.Upcoming.Where(x => x.AppointmentId == appointmentId).ExecuteDeleteAsync(ct);
    }
}

/// <summary>A moved appointment keeps its consent request; only its time changes here.</summary>
internal sealed class NoteRescheduledAppointment(ConsentDbContext db, IMediator mediator, TimeProvider clock)
    : InboxConsumer<ConsentDbContext, AppointmentRescheduled>(db, clock)
{
    protected override async Task HandleOnceAsync(AppointmentRescheduled notification, CancellationToken ct)
    {
        // A note missed at booking would be made here: not for a patient erased since the move.
        if (await mediator.Send(new IsPatientErased(notification.Appointment.PatientId, OccurredAtUtc), ct))
        {
            return;
        }
        await UpcomingAppointments.NoteAsync(Db, notification.Appointment, ct);
    }
}

/// <summary>A session that took place needs no consent request any more; the consent signed for it stays.</summary>
internal sealed class ForgetCompletedAppointment(ConsentDbContext db, TimeProvider clock)
    : InboxConsumer<ConsentDbContext, AppointmentCompleted>(db, clock)
{
    protected override Task HandleOnceAsync(AppointmentCompleted notification, CancellationToken ct) =>
        UpcomingAppointments.ForgetAsync(Db, notification.Appointment.AppointmentId, ct);
}

/// <summary>
/// A cancelled appointment's open consent request moves to the patient's next booked appointment of the treatment,
/// or, when no other appointment needs it, is closed (cancelled) so the patient is not chased for a session that will not happen.
/// The next appointment is asked of Booking, not read from Consent's own notes: the fact of a booking made just before this
/// cancellation may not have reached Consent yet (its job can run after this one), and the request would be closed and a
/// new one opened moments later, with a second e-mail to the patient.
/// </summary>
internal sealed class CloseRequestWhenCancelled(ConsentDbContext db, IMediator mediator, TimeProvider clock)
    : InboxConsumer<ConsentDbContext, AppointmentCancelled>(db, clock)
{
    protected override async Task HandleOnceAsync(AppointmentCancelled notification, CancellationToken ct)
    {
        var a = notification.Appointment;
        await ConsentRequests.LockPatientAsync(Db, a.PatientId, ct);
        await UpcomingAppointments.ForgetAsync(Db, a.AppointmentId, ct);
        var requests = await Db.Requests.Where(r => r.AppointmentId == a.AppointmentId && r.Status == ConsentRequestStatus.Open).ToListAsync(ct);
        if (requests.Count == 0)
        {
            return;
        }
        var now = Clock.GetUtcNow().UtcDateTime;
        var next = (await mediator.Send(new GetPatientAppointments(a.PatientId), ct))
            .Where(x => x.Id != a.AppointmentId && x.Status == "booked" && x.TreatmentCode == a.TreatmentCode && x.StartUtc > now)
            .MinBy(x => x.StartUtc);
        foreach (var request in requests)
        {
            if (next is null)
            {
                request.Status = ConsentRequestStatus.Cancelled;
            }
            else
            {
                request.AppointmentId = next.Id;
            }
        }
        await Db.SaveChangesAsync(ct);
    }
}
