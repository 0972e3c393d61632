using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Contracts.Clinic;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;

namespace Needling.Booking.Schedules;

/// <summary>A practitioner's weekly working pattern (Admin writes; all staff read).</summary>
internal static class WeeklySchedule
{
    internal sealed record Request(IReadOnlyList<WeeklyPeriodDto> Periods);

    public static void Map(RouteGroupBuilder staff, RouteGroupBuilder admin)
    {
        staff.MapGet("/practitioners/{id:guid}/schedule", async (Guid id, BookingDbContext db, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
        {
            await mediator.PractitionerAsync(id, ct);
            return TypedResults.Ok(await ReadAsync(db, mediator, clock, id, ct));
        }).WithSummary(
            "A practitioner's weekly pattern, with exceptions and leave from today on. A practitioner with no weekly "
            + "pattern can be booked whenever the clinic is open (worksWheneverClinicOpen). The ETag is what a change sends as If-Match.")
            .AnswersETag();

        admin.MapPut("/practitioners/{id:guid}/schedule", async (Guid id, Request r, HttpContext http, BookingDbContext db, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
        {
            var v = new Validator().Periods(r.Periods, p => (p.Day, p.Start, p.End));
            for (var i = 0; i < r.Periods.Count; i++)
            {
                v.Require(Enum.IsDefined(r.Periods[i].Day), $"periods[{i}].day", "must be a day of the week.");
            }
            v.ThrowIfUnprocessable();
            await mediator.PractitionerAsync(id, ct);
            var version = await ScheduleVersions.MatchAsync(http, db, id, ct);
            db.WorkingPeriods.RemoveRange(await db.WorkingPeriods.Where(w => w.PractitionerId == id).ToListAsync(ct));
            db.WorkingPeriods.AddRange(r.Periods.Select(p => new WorkingPeriod { PractitionerId = id, Day = p.Day, Start = p.Start, End = p.End }));
            await ScheduleVersions.SaveAsync(http, db, version, ct);
            return TypedResults.Ok(await ReadAsync(db, mediator, clock, id, ct));
        }).WithSummary(
            "Replace a practitioner's weekly working pattern, in the clinic's local time (Admin). An empty list removes "
            + "the pattern: the practitioner can then be booked whenever the clinic is open, so a new clinic can book at once. "
            + "If-Match: the schedule's ETag.")
            .RequiresIfMatch()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    public static async Task<ScheduleDto> ReadAsync(BookingDbContext db, IMediator mediator, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var profile = await mediator.Send(new GetClinicProfile(), ct);
        var today = clock.Today(profile.TimeZoneId);
        var weekly = await db.WorkingPeriods.AsNoTracking().Where(w => w.PractitionerId == id).ToListAsync(ct);
        var exceptions = await db.ScheduleExceptions.AsNoTracking().Where(e => e.PractitionerId == id && e.Date >= today).ToListAsync(ct);
        var leave = await db.Leave.AsNoTracking().Where(l => l.PractitionerId == id && l.ToDate >= today).ToListAsync(ct);
        return new ScheduleDto(
            id,
            weekly.Count == 0,
            weekly.OrderBy(w => ((int)w.Day + 6) % 7).ThenBy(w => w.Start).Select(w => new WeeklyPeriodDto(w.Day, w.Start, w.End)).ToList(),
            exceptions.GroupBy(e => e.Date).OrderBy(g => g.Key)
                .Select(g => new ExceptionDto(g.Key, g.Where(e => e.Start is not null && e.End is not null)
                    .OrderBy(e => e.Start).Select(e => new PeriodDto(e.Start!.Value, e.End!.Value)).ToList()))
                .ToList(),
            leave.OrderBy(l => l.FromDate).Select(LeaveDto.From).ToList(),
            await ScheduleVersions.CurrentAsync(db, id, ct));
    }
}
