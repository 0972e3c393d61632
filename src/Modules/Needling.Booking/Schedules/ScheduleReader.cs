using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Contracts.Clinic;
using Needling.SharedKernel.Errors;

namespace Needling.Booking.Schedules;

/// <summary>What <see cref="WorkingTime.IsBookable(ClinicCalendar, PractitionerSchedule, DateTime, DateTime)"/> needs.</summary>
internal sealed record ScheduleFacts(ClinicCalendar Calendar, PractitionerSchedule Schedule);

/// <summary>Loads the clinic calendar (from the Clinic module) and practitioners' schedules (from this module).</summary>
internal sealed class ScheduleReader(ScheduleCache schedules, IMediator mediator)
{
    /// <summary>The clinic calendar and one practitioner's schedule for the local dates that [startUtc, endUtc) touches.</summary>
    public async Task<ScheduleFacts> LoadAsync(Guid practitionerId, DateTime startUtc, DateTime endUtc, CancellationToken ct)
    {
        var calendar = await mediator.Send(new GetClinicCalendar(), ct);
        var hours = new ClinicHours(calendar);
        var from = hours.LocalDate(startUtc);
        var to = hours.LocalDate(endUtc > startUtc ? endUtc.AddTicks(-1) : startUtc);
        return new ScheduleFacts(calendar, await schedules.GetAsync(practitionerId, from, to, ct));
    }

    /// <summary>Loads and checks in one call: may the practitioner be booked for [startUtc, endUtc)?</summary>
    public async Task<ScheduleVerdict> CheckAsync(Guid practitionerId, DateTime startUtc, DateTime endUtc, CancellationToken ct)
    {
        var facts = await LoadAsync(practitionerId, startUtc, endUtc, ct);
        return WorkingTime.IsBookable(facts.Calendar, facts.Schedule, startUtc, endUtc);
    }

    /// <summary>
    /// For a new start (a booking or a reschedule): on the grid availability offers (<see cref="Availability.SlotFinder.Grid"/>
    /// of clinic local time, so no seconds), else 400 naming <c>start</c>; then <see cref="CheckAsync"/>. An odd start
    /// would leave gaps no slot search can fill, and is usually a client sending "now" by mistake.
    /// </summary>
    public async Task<ScheduleVerdict> CheckNewStartAsync(Guid practitionerId, DateTime startUtc, DateTime endUtc, CancellationToken ct)
    {
        var facts = await LoadAsync(practitionerId, startUtc, endUtc, ct);
        var hours = new ClinicHours(facts.Calendar);
        if (Availability.SlotFinder.FirstGridPoint(hours, startUtc) != startUtc)
        {
            var minutes = (int)Availability.SlotFinder.Grid.TotalMinutes;
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["start"] = [$"must be on the clinic's {minutes}-minute grid of local time (e.g. 10:00, 10:{minutes:00}), with no seconds."],
            });
        }
        return WorkingTime.IsBookable(facts.Calendar, facts.Schedule, startUtc, endUtc);
    }

    /// <summary>
    /// Weekly patterns, and the exceptions and leave that touch the local dates [from, to], for each
    /// practitioner asked for (every one gets an entry; no rows means "whenever the clinic is open").
    /// Three queries whatever the number of practitioners.
    /// </summary>
    public static async Task<Dictionary<Guid, PractitionerSchedule>> LoadSchedulesAsync(
        BookingDbContext db, IReadOnlyCollection<Guid> practitionerIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var ids = practitionerIds.Distinct().ToList();
        var weekly = await db.WorkingPeriods.AsNoTracking().Where(w => ids.Contains(w.PractitionerId)).ToListAsync(ct);
        var exceptions = await db.ScheduleExceptions.AsNoTracking()
            .Where(e => ids.Contains(e.PractitionerId) && e.Date >= from && e.Date <= to).ToListAsync(ct);
        var leave = await db.Leave.AsNoTracking()
            .Where(l => ids.Contains(l.PractitionerId) && l.FromDate <= to && l.ToDate >= from).ToListAsync(ct);
        var weeklyBy = weekly.ToLookup(w => w.PractitionerId);
        var exceptionsBy = exceptions.ToLookup(e => e.PractitionerId);
        var leaveBy = leave.ToLookup(l => l.PractitionerId);
        return ids.ToDictionary(id => id, id => new PractitionerSchedule([.. weeklyBy[id]], [.. exceptionsBy[id]], [.. leaveBy[id]]));
    }
}
