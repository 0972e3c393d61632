using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.SharedKernel.Caching;

namespace Needling.Booking.Schedules;

/// <summary>
/// One practitioner's weekly pattern with the exceptions and leave from yesterday on, kept in the reference
/// cache: every booking checks the practitioner's working time, and schedules change rarely. Saving any
/// schedule row invalidates the region on every instance.
/// </summary>
internal sealed class ScheduleCache(BookingDbContext db, ReferenceCache cache, TimeProvider clock)
{
    public const string Region = "booking.schedules";

    /// <summary>The schedule for the local dates [from, to]; read from the cache when those dates are not in the past.</summary>
    public async Task<PractitionerSchedule> GetAsync(Guid practitionerId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Two days' margin: "today" in UTC can be yesterday or tomorrow in the clinic's time zone.
        var horizon = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-2);
        if (from < horizon)
        {
            return (await ScheduleReader.LoadSchedulesAsync(db, [practitionerId], from, to, ct))[practitionerId];
        }
        var upcoming = await cache.GetAsync(Region, practitionerId, c => LoadUpcomingAsync(practitionerId, horizon, c), ct);
        return new PractitionerSchedule(
            upcoming.Weekly,
            [.. upcoming.Exceptions.Where(e => e.Date >= from && e.Date <= to)],
            [.. upcoming.Leave.Where(l => l.FromDate <= to && l.ToDate >= from)]);
    }

    private async Task<PractitionerSchedule> LoadUpcomingAsync(Guid practitionerId, DateOnly horizon, CancellationToken ct) =>
        (await ScheduleReader.LoadSchedulesAsync(db, [practitionerId], horizon, DateOnly.MaxValue, ct))[practitionerId];
}
