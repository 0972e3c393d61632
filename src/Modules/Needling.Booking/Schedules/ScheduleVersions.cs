using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Data;

namespace Needling.Booking.Schedules;

/// <summary>
/// If-Match for a practitioner's schedule: its version row, raised by each change to what GET shows (weekly periods,
/// one-day exceptions, leave).
/// </summary>
internal static class ScheduleVersions
{
    public static async Task<int> CurrentAsync(BookingDbContext db, Guid practitionerId, CancellationToken ct) =>
        await db.ScheduleVersions.AsNoTracking().Where(v => v.PractitionerId == practitionerId).Select(v => (int?)v.Version).SingleOrDefaultAsync(ct) ?? 0;

    /// <summary>
    /// 428/412 unless If-Match names the current version; then the save raises it, comparing in the UPDATE (or, for
    /// the first change, inserting under the primary key), so two changes from one version cannot both be saved.
    /// </summary>
    /// <param name="required">False for an addition (leave): If-Match is then checked only when sent.</param>
    public static async Task<ScheduleVersion> MatchAsync(HttpContext http, BookingDbContext db, Guid practitionerId, CancellationToken ct, bool required = true)
    {
        var row = await db.ScheduleVersions.SingleOrDefaultAsync(v => v.PractitionerId == practitionerId, ct);
        if (required || http.Request.Headers.IfMatch.Count > 0)
        {
            http.EnsureMatches(row?.Version ?? 0, "schedule");
        }
        if (row is null)
        {
            return db.ScheduleVersions.Add(new ScheduleVersion { PractitionerId = practitionerId, Version = 1 }).Entity;
        }
        db.Entry(row).State = EntityState.Modified;
        return row;
    }

    public static async Task SaveAsync(HttpContext http, BookingDbContext db, ScheduleVersion version, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation())
        {
            throw new PreconditionFailedException("schedule");
        }
        http.SetETag(version.Version);
    }
}
