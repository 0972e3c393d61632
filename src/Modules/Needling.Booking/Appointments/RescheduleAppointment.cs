using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Booking.Schedules;
using Needling.ClinicalRules;
using Needling.Contracts.Booking;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;
using Needling.SharedKernel.Outbox;

namespace Needling.Booking.Appointments;

/// <summary>
/// POST /appointments/{id}/reschedule: a new time, and optionally another practitioner, room or device.
/// Every question a booking asks is asked again, the appointment itself left out of its own history.
/// </summary>
internal static class RescheduleAppointment
{
    internal sealed record Request(DateTimeOffset Start, Guid? PractitionerId = null, Guid? RoomId = null, Guid? DeviceId = null, IReadOnlyList<string>? TreatedAreas = null);

    public static void Map(RouteGroupBuilder desk) =>
        desk.MapPost("/appointments/{id:guid}/reschedule", Handle)
            .WithSummary("Move a booked appointment (If-Match: its ETag); eligibility, schedules and clashes are checked again. Idempotency-Key supported.")
            .HonoursIdempotencyKey()
            .RequiresIfMatch()
            .Produces<BookingResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> Handle(
        Guid id, Request r, HttpContext http, BookingDbContext db, BookingChecks checks, AppointmentWriter writer, Idempotency idempotency,
        PatientLock patientLock, ScheduleReader schedules, TimeProvider clock, CancellationToken ct)
    {
        new Validator()
            .Require(r.TreatedAreas is null || r.TreatedAreas.Count <= 20, "treatedAreas", "at most 20 areas.")
            // Codes of the body-area vocabulary, so that a finding on "face" is known to concern "cheeks".
            .Require(r.TreatedAreas is null || r.TreatedAreas.All(BodyAreaVocabulary.Default.Contains), "treatedAreas",
                $"each must be a body-area code: {string.Join(", ", BodyAreaVocabulary.Default.All.Select(a => a.Code))}.")
            .ThrowIfInvalid();
        var key = Idempotency.Read(http, $"reschedule:{id}", r);
        if (await idempotency.ReplayAsync(key, ct) is { } replay)
        {
            return replay;
        }
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Appointment", id);
        http.EnsureMatches(db, appointment, "appointment");
        if (appointment.Status != AppointmentStatus.Booked)
        {
            throw new ConflictException($"Only a booked appointment can be rescheduled; this one is {appointment.Status}.");
        }
        var practitionerId = r.PractitionerId ?? appointment.PractitionerId;
        var roomId = r.RoomId ?? appointment.RoomId;
        var deviceId = r.DeviceId ?? appointment.DeviceId;
        var resolved = await checks.ResolveAsync(appointment.PatientId, practitionerId, roomId, deviceId, appointment.TreatmentCode, ct);
        var start = r.Start.UtcDateTime;
        checks.EnsureNotInPast(start);
        var previousStart = appointment.StartUtc;
        var now = clock.GetUtcNow().UtcDateTime;
        appointment.PractitionerId = practitionerId;
        appointment.RoomId = roomId;
        appointment.DeviceId = deviceId;
        appointment.StartUtc = start;
        appointment.EndUtc = start.AddMinutes(resolved.Treatment.DurationMinutes);
        appointment.UpdatedAtUtc = now;
        appointment.Sequence++;
        (await schedules.CheckNewStartAsync(appointment.PractitionerId, appointment.StartUtc, appointment.EndUtc, ct)).ThrowIfRefused();
        return await patientLock.RunAsync(db, appointment.PatientId, async t =>
        {
            await ClashCheck.EnsureFreeBeforeWriteAsync(db, appointment, t);
            var eligibility = await checks.EligibilityAsync(db, appointment, resolved, r.TreatedAreas, t);
            AppointmentWriter.ApplyEligibility(appointment, eligibility);
            writer.Record(appointment, "rescheduled", appointment.Status, $"from {previousStart:O}; rule set {eligibility.RuleSetVersion}: {eligibility.Outcome}", now);
            db.Enqueue(new AppointmentRescheduled(AppointmentWriter.Snapshot(appointment), previousStart), now);
            var dto = AppointmentDto.From(appointment);
            var json = idempotency.Remember(key, StatusCodes.Status200OK, new BookingResponse(dto, dto.Warnings), null, now);
            await writer.SaveAsync(t);
            return Idempotency.Json(StatusCodes.Status200OK, json, null);
        }, ct);
    }
}
