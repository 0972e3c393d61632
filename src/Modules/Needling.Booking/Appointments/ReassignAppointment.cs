using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Booking.Schedules;
using Needling.Contracts.Booking;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Outbox;

using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Hosting;

namespace Needling.Booking.Appointments;

/// <summary>
/// POST /appointments/{id}/reassign: another practitioner takes a booked or checked-in appointment, with a
/// written reason (kept in the appointment's history). The new practitioner's working time, clashes and the
/// clinical question (qualification included) are checked as for a booking.
/// </summary>
internal static class ReassignAppointment
{
    internal sealed record Request(Guid PractitionerId, string Reason);

    public static void Map(RouteGroupBuilder desk) =>
        desk.MapPost("/appointments/{id:guid}/reassign", Handle)
            .WithSummary("Give a booked or checked-in appointment to another practitioner, with a reason (If-Match: its ETag).")
            .RequiresIfMatch()
            .Produces<AppointmentDto>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> Handle(
        Guid id, Request r, HttpContext http, BookingDbContext db, BookingChecks checks, AppointmentWriter writer, PatientLock patientLock,
        ScheduleReader schedules, TimeProvider clock, CancellationToken ct)
    {
        new Validator().NotBlank(r.Reason, "reason", 400).ThrowIfInvalid(); // the history keeps it after the previous practitioner's id
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Appointment", id);
        http.EnsureMatches(db, appointment, "appointment");
        if (appointment.Status is not (AppointmentStatus.Booked or AppointmentStatus.Arrived))
        {
            throw new ConflictException($"Only a booked or checked-in appointment can be reassigned; this one is {appointment.Status}.");
        }
        if (appointment.PractitionerId == r.PractitionerId)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["practitionerId"] = ["is already the practitioner of this appointment."] });
        }
        var resolved = await checks.ResolveAsync(appointment.PatientId, r.PractitionerId, appointment.RoomId, appointment.DeviceId, appointment.TreatmentCode, ct);
        var previous = appointment.PractitionerId;
        var now = clock.GetUtcNow().UtcDateTime;
        appointment.PractitionerId = r.PractitionerId;
        appointment.UpdatedAtUtc = now;
        appointment.Sequence++;
        (await schedules.CheckAsync(appointment.PractitionerId, appointment.StartUtc, appointment.EndUtc, ct)).ThrowIfRefused();
        // Under the patient's lock like a booking: on SQL Server the new practitioner's lock is taken inside its
        // transaction (SqlServerSlotLocks); on SQLite it is the write lock, as before.
        return await patientLock.RunAsync(db, appointment.PatientId, async t =>
        {
            await ClashCheck.EnsureFreeBeforeWriteAsync(db, appointment, t);
            var eligibility = await checks.EligibilityAsync(db, appointment, resolved, null, t);
            AppointmentWriter.ApplyEligibility(appointment, eligibility);
            writer.Record(appointment, "reassigned", appointment.Status, $"from practitioner {previous}: {r.Reason.Trim()}", now);
            db.Enqueue(new AppointmentRescheduled(AppointmentWriter.Snapshot(appointment), appointment.StartUtc), now);
            await writer.SaveAsync(t);
            return TypedResults.Ok(AppointmentDto.From(appointment));
        }, ct);
    }
}
