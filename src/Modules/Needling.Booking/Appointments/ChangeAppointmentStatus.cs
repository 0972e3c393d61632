using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Contracts.Booking;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Outbox;
using Needling.SharedKernel.Security;

namespace Needling.Booking.Appointments;

/// <summary>
/// Check in (arrived), no-show, complete (fulfilled), cancel. The allowed moves are
/// <see cref="AppointmentStatus.Transitions"/>; any other is refused with 409 naming both statuses.
/// </summary>
internal static class ChangeAppointmentStatus
{
    internal sealed record CancelRequest(string Reason);

    public static void Map(RouteGroupBuilder desk)
    {
        desk.MapPost("/appointments/{id:guid}/check-in", (Guid id, StatusChange change, CancellationToken ct) =>
            change.ApplyAsync(id, AppointmentStatus.Arrived, "checked-in", null, ct))
            .WithSummary("The patient has arrived (FHIR status arrived).");

        desk.MapPost("/appointments/{id:guid}/no-show", (Guid id, StatusChange change, CancellationToken ct) =>
            change.ApplyAsync(id, AppointmentStatus.NoShow, "no-show", null, ct))
            .WithSummary("The patient did not come (FHIR status noshow); only once the start time has passed.");

        desk.MapPost("/appointments/{id:guid}/cancel", (Guid id, CancelRequest r, StatusChange change, CancellationToken ct) =>
        {
            new Validator().NotBlank(r.Reason, "reason", 500).ThrowIfInvalid();
            return change.ApplyAsync(id, AppointmentStatus.Cancelled, "cancelled", r.Reason.Trim(), ct);
        }).WithSummary("Cancel an appointment with a reason; the slot is freed.");

        desk.MapPost("/appointments/{id:guid}/complete", (Guid id, StatusChange change, CancellationToken ct) =>
            change.ApplyAsync(id, AppointmentStatus.Fulfilled, "completed", null, ct))
            .RequireAuthorization(p => p.RequireRole(Roles.Practitioner))
            .WithSummary("The session took place (FHIR status fulfilled). Practitioners only.");
    }
}

internal sealed class StatusChange(BookingDbContext db, AppointmentWriter writer, TimeProvider clock)
{
    public async Task<IResult> ApplyAsync(Guid id, string to, string action, string? reason, CancellationToken ct)
    {
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Appointment", id);
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
}
