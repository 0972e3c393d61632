using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Needling.Aftercare.Data;
using Needling.Aftercare.Domain;
using Needling.Aftercare.FollowUps;
using Needling.Aftercare.Mail;
using Needling.Contracts.Booking;
using Needling.Contracts.Patients;
using Needling.SharedKernel.Outbox;

namespace Needling.Aftercare.Reminders;

/// <summary>
/// A reminder per appointment time, due <see cref="AftercareOptions.ReminderHoursBefore"/> before it: queued when the
/// appointment is booked, replaced when it moves, withdrawn when it is cancelled. The sender checks the appointment
/// again before sending, so a change that has not reached us yet is not contradicted.
/// </summary>
internal sealed class AppointmentReminders(AftercareDbContext db, IMediator mediator, DeliveryQueue queue, IOptions<AftercareOptions> options, TimeProvider clock)
{
    /// <param name="occurredAtUtc">When the booking or move happened: a patient erased since gets no reminder.</param>
    public async Task ScheduleAsync(AppointmentSnapshot a, DateTime occurredAtUtc, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await WithdrawAsync(a.AppointmentId, ct);
        if (await mediator.Send(new IsPatientErased(a.PatientId, occurredAtUtc), ct))
        {
            return;
        }
        // A reminder an hour before is noise: booked at such short notice, the patient knows.
        if (a.StartUtc - now < TimeSpan.FromHours(2))
        {
            return;
        }
        var due = a.StartUtc.AddHours(-options.Value.ReminderHoursBefore);
        var patient = await mediator.Send(new GetPatientSummary(a.PatientId), ct);
        queue.Add(DeliveryKind.Reminder, a.AppointmentId, a.PatientId, due < now ? now : due, !string.IsNullOrWhiteSpace(patient?.Email), now,
            variant: a.StartUtc.ToString("yyyyMMddTHHmm", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Tracked, not ExecuteUpdate: the caller's SaveChanges then audits each withdrawn reminder (one or two rows).</summary>
    public async Task WithdrawAsync(Guid appointmentId, CancellationToken ct)
    {
        var pending = await db.Deliveries
            .Where(d => d.Kind == DeliveryKind.Reminder && d.SubjectId == appointmentId && d.Status == DeliveryStatus.Pending).ToListAsync(ct);
        foreach (var reminder in pending)
        {
            reminder.Status = DeliveryStatus.Cancelled;
        }
    }
}

internal sealed class RemindWhenBooked(AftercareDbContext db, AppointmentReminders reminders, TimeProvider clock)
    : InboxConsumer<AftercareDbContext, AppointmentBooked>(db, clock)
{
    protected override async Task HandleOnceAsync(AppointmentBooked e, CancellationToken ct)
    {
        await reminders.ScheduleAsync(e.Appointment, OccurredAtUtc, ct);
        await Db.SaveChangesAsync(ct);
    }
}

internal sealed class RemindWhenRescheduled(AftercareDbContext db, AppointmentReminders reminders, TimeProvider clock)
    : InboxConsumer<AftercareDbContext, AppointmentRescheduled>(db, clock)
{
    protected override async Task HandleOnceAsync(AppointmentRescheduled e, CancellationToken ct)
    {
        await reminders.ScheduleAsync(e.Appointment, OccurredAtUtc, ct);
        await Db.SaveChangesAsync(ct);
    }
}

internal sealed class NoReminderWhenCancelled(AftercareDbContext db, AppointmentReminders reminders, TimeProvider clock)
    : InboxConsumer<AftercareDbContext, AppointmentCancelled>(db, clock)
{
    protected override async Task HandleOnceAsync(AppointmentCancelled e, CancellationToken ct)
    {
        await reminders.WithdrawAsync(e.Appointment.AppointmentId, ct);
        await Db.SaveChangesAsync(ct);
    }
}
