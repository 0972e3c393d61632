using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;

namespace Needling.Booking.Schedules;

/// <summary>One-day changes to a practitioner's weekly pattern (Admin).</summary>
internal static class ScheduleExceptions
{
    internal sealed record Request(IReadOnlyList<PeriodDto> Periods);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPut("/practitioners/{id:guid}/schedule/exceptions/{date}", async (Guid id, DateOnly date, Request r, HttpContext http, BookingDbContext db, IMediator mediator, CancellationToken ct) =>
        {
            new Validator().Periods(r.Periods, p => (0, p.Start, p.End)).ThrowIfUnprocessable();
            await mediator.PractitionerAsync(id, ct);
            var version = await ScheduleVersions.MatchAsync(http, db, id, ct);
            db.ScheduleExceptions.RemoveRange(await db.ScheduleExceptions.Where(e => e.PractitionerId == id && e.Date == date).ToListAsync(ct));
            db.ScheduleExceptions.AddRange(r.Periods.Count == 0
                ? [new ScheduleException { PractitionerId = id, Date = date }]
                : r.Periods.Select(p => new ScheduleException { PractitionerId = id, Date = date, Start = p.Start, End = p.End }));
            await ScheduleVersions.SaveAsync(http, db, version, ct);
            return TypedResults.Ok(new ExceptionDto(date, r.Periods.OrderBy(p => p.Start).ToList()));
        }).WithSummary(
            "Set the periods a practitioner works on one local date instead of the weekly pattern (Admin). "
            + "An empty list is a day off. If-Match: the schedule's ETag (GET /practitioners/{id}/schedule); the answer carries the new one.")
            .RequiresIfMatch()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        admin.MapDelete("/practitioners/{id:guid}/schedule/exceptions/{date}", async (Guid id, DateOnly date, HttpContext http, BookingDbContext db, CancellationToken ct) =>
        {
            var rows = await db.ScheduleExceptions.Where(e => e.PractitionerId == id && e.Date == date).ToListAsync(ct);
            if (rows.Count == 0)
            {
                throw new NotFoundException("Schedule exception", date.ToString("yyyy-MM-dd"));
            }
            var version = await ScheduleVersions.MatchAsync(http, db, id, ct);
            db.ScheduleExceptions.RemoveRange(rows);
            await ScheduleVersions.SaveAsync(http, db, version, ct);
            return TypedResults.NoContent();
        }).WithSummary("Remove a one-day exception: the weekly pattern applies again that day (Admin). If-Match: the schedule's ETag; the answer carries the new one.")
            .RequiresIfMatch(StatusCodes.Status204NoContent);
    }
}
