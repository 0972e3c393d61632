using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Availability;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Contracts.Clinic;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;

namespace Needling.Booking.Schedules;

/// <summary>
/// A practitioner's leave: whole local dates, inclusive (Admin). Leave is part of the schedule (GET
/// /practitioners/{id}/schedule lists it), so adding or removing it makes the schedule's next version: removing names
/// the version read (If-Match, required); adding checks it when sent.
/// </summary>
internal static class PractitionerLeave
{
    internal sealed record Request(DateOnly FromDate, DateOnly ToDate, string Reason);

    /// <summary>The leave, and how many appointments it now overlaps (they stay booked; the desk moves them).</summary>
    internal sealed record Response(Guid Id, DateOnly FromDate, DateOnly ToDate, string Reason, int AppointmentsToMove);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/practitioners/{id:guid}/leave", async (Guid id, Request r, HttpContext http, BookingDbContext db, IMediator mediator, CancellationToken ct) =>
        {
            new Validator()
                .Require(r.FromDate <= r.ToDate, "toDate", "must not be before fromDate.")
                // Leave that never ends is a practitioner who left: made inactive, not on leave until 9999.
                .Require(r.FromDate > r.ToDate || r.ToDate.DayNumber - r.FromDate.DayNumber < 366, "toDate", "leave ends within 366 days of its start; a practitioner who leaves is made inactive.")
                .NotBlank(r.Reason, "reason", 200)
                .ThrowIfUnprocessable();
            await mediator.PractitionerAsync(id, ct);
            var version = await ScheduleVersions.MatchAsync(http, db, id, ct, required: false);
            var leave = new Leave { PractitionerId = id, FromDate = r.FromDate, ToDate = r.ToDate, Reason = r.Reason.Trim() };
            db.Leave.Add(leave);
            await ScheduleVersions.SaveAsync(http, db, version, ct);
            var hours = new ClinicHours(await mediator.Send(new GetClinicCalendar(), ct));
            var from = hours.ToUtc(r.FromDate, TimeOnly.MinValue);
            var to = hours.ToUtc(r.ToDate.AddDays(1), TimeOnly.MinValue);
            var earliest = from - BusyTimes.LongestAppointment;
            var affected = await db.Appointments.CountAsync(a => a.PractitionerId == id && a.StartUtc >= earliest && a.StartUtc < to
                && a.EndUtc > from && AppointmentStatus.Occupying.Contains(a.Status), ct);
            return TypedResults.Created($"/practitioners/{id}/leave/{leave.Id}",
                new Response(leave.Id, leave.FromDate, leave.ToDate, leave.Reason, affected));
        }).WithSummary(
            "Record leave for a practitioner, local dates inclusive (Admin). Appointments already booked in it are "
            + "not cancelled; the answer counts them (appointmentsToMove). If-Match (optional): the schedule's ETag; the answer carries the new one.")
            .HonoursIfMatch(StatusCodes.Status201Created);

        admin.MapDelete("/practitioners/{id:guid}/leave/{leaveId:guid}", async (Guid id, Guid leaveId, HttpContext http, BookingDbContext db, CancellationToken ct) =>
        {
            var leave = await db.Leave.SingleOrDefaultAsync(l => l.Id == leaveId && l.PractitionerId == id, ct)
                ?? throw new NotFoundException("Leave", leaveId);
            var version = await ScheduleVersions.MatchAsync(http, db, id, ct);
            db.Leave.Remove(leave);
            await ScheduleVersions.SaveAsync(http, db, version, ct);
            return TypedResults.NoContent();
        }).WithSummary("Remove a practitioner's leave (Admin). If-Match: the schedule's ETag; the answer carries the new one.")
            .RequiresIfMatch(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
