using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Contracts.Booking;
using Needling.Contracts.Sessions;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;
using Needling.SharedKernel.Outbox;
using Needling.SharedKernel.Security;

namespace Needling.Booking.Appointments;

/// <summary>
/// Check in (arrived), no-show, complete (fulfilled), cancel. The allowed moves are
/// <see cref="AppointmentStatus.Transitions"/>; any other is refused with 409 naming both statuses.
/// </summary>
/// <remarks>
/// Cancelling needs If-Match: the desk cancels the appointment it is looking at, and one moved or reassigned since
/// (perhaps at the patient's own request) must not be cancelled from a stale screen. Check-in, no-show and complete
/// record what happened in the room and overwrite nothing a colleague chose; the transition table already refuses a
/// stale move, so If-Match is checked when sent and not required.
/// </remarks>
internal static class ChangeAppointmentStatus
{
    internal sealed record CancelRequest(string Reason);

    public static void Map(RouteGroupBuilder desk)
    {
        desk.MapPost("/appointments/{id:guid}/check-in", (Guid id, HttpContext http, StatusChange change, CancellationToken ct) =>
            change.ApplyAsync(http, id, AppointmentStatus.Arrived, "checked-in", null, ct))
            .WithSummary("The patient has arrived (FHIR status arrived); no earlier than Booking:CheckInWindowHours before the start.")
            .Produces<AppointmentDto>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .HonoursIfMatch();

        desk.MapPost("/appointments/{id:guid}/no-show", (Guid id, HttpContext http, StatusChange change, CancellationToken ct) =>
            change.ApplyAsync(http, id, AppointmentStatus.NoShow, "no-show", null, ct))
            .WithSummary("The patient did not come (FHIR status noshow); only once the start time has passed.")
            .Produces<AppointmentDto>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .HonoursIfMatch();

        desk.MapPost("/appointments/{id:guid}/cancel", (Guid id, CancelRequest r, HttpContext http, StatusChange change, CancellationToken ct) =>
        {
            new Validator().NotBlank(r.Reason, "reason", 500).ThrowIfInvalid();
            return change.ApplyAsync(http, id, AppointmentStatus.Cancelled, "cancelled", r.Reason.Trim(), ct);
        }).WithSummary("Cancel an appointment with a reason (If-Match: its ETag); the slot is freed.")
            .RequiresIfMatch()
            .Produces<AppointmentDto>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        desk.MapPost("/appointments/{id:guid}/complete", (Guid id, HttpContext http, StatusChange change, CancellationToken ct) =>
            change.ApplyAsync(http, id, AppointmentStatus.Fulfilled, "completed", null, ct))
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner))
            .WithSummary("The session took place (FHIR status fulfilled): only once its session record is signed (signing completes it by itself). Practitioners only.")
            .Produces<AppointmentDto>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .HonoursIfMatch();
    }
}

internal sealed class StatusChange(BookingDbContext db, AppointmentWriter writer, IMediator mediator, IOptions<BookingOptions> options, TimeProvider clock)
{
    public async Task<IResult> ApplyAsync(HttpContext http, Guid id, string to, string action, string? reason, CancellationToken ct)
    {
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Appointment", id);
        if (to == AppointmentStatus.Cancelled || http.Request.Headers.IfMatch.Count > 0)
        {
            http.EnsureMatches(db, appointment, "appointment");
        }
        var from = appointment.Status;
        if (!AppointmentStatus.Transitions[from].Contains(to))
        {
            throw new ConflictException($"An appointment that is {from} cannot become {to}.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (to == AppointmentStatus.NoShow && now < appointment.StartUtc)
        {
            throw new RuleViolationException("appointment.not-started", "A patient can only be marked as not coming once the appointment's start time has passed.");
        }
        if (to == AppointmentStatus.Arrived)
        {
            EnsureWithinCheckInWindow(appointment, now);
        }
        if (to == AppointmentStatus.Fulfilled)
        {
            await EnsureSessionSignedAsync(appointment, now, ct);
        }
        appointment.Status = to;
        appointment.CancelReason = reason ?? appointment.CancelReason;
        appointment.UpdatedAtUtc = now;
        appointment.Sequence++;
        writer.Record(appointment, action, from, reason, now);
        var snapshot = AppointmentWriter.Snapshot(appointment);
        if (to == AppointmentStatus.Cancelled)
        {
            db.Enqueue(new AppointmentCancelled(snapshot, reason!), now);
        }
        else if (to == AppointmentStatus.Fulfilled)
        {
            db.Enqueue(new AppointmentCompleted(snapshot, now), now);
        }
        await writer.SaveAsync(ct);
        return TypedResults.Ok(AppointmentDto.From(appointment));
    }

    private void EnsureWithinCheckInWindow(Appointment appointment, DateTime now)
    {
        var window = TimeSpan.FromHours(options.Value.CheckInWindowHours);
        if (now < appointment.StartUtc - window)
        {
            throw new RuleViolationException("appointment.check-in-too-early",
                $"A patient can be checked in at most {options.Value.CheckInWindowHours:0.##} hours before the appointment starts.",
                new { earliestCheckInUtc = appointment.StartUtc - window });
        }
    }

    // Completing means the session took place and its record was signed; signing completes the appointment by
    // itself (CompleteWhenSessionSigned), so this is for a signature whose message has not arrived yet.
    private async Task EnsureSessionSignedAsync(Appointment appointment, DateTime now, CancellationToken ct)
    {
        if (now < appointment.StartUtc)
        {
            throw new RuleViolationException("appointment.not-started", "An appointment cannot be completed before its start time.");
        }
        var session = await mediator.Send(new GetAppointmentSession(appointment.Id), ct);
        if (session is not { Signed: true })
        {
            throw new RuleViolationException("appointment.session-not-signed",
                session is null
                    ? "An appointment is completed by signing its session record; no session was started for it."
                    : "An appointment is completed by signing its session record; the session is not signed yet.");
        }
    }
}
