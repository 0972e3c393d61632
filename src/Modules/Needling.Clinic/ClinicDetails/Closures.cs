using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.Clinic.Data;
using Needling.Clinic.Domain;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;

namespace Needling.Clinic.ClinicDetails;

/// <summary>
/// Closures are part of the clinic (GET /clinic lists them): adding or removing one makes the clinic's next version,
/// so that a change from a view read before it is refused. Removing names the version read (If-Match, required);
/// adding checks it when sent.
/// </summary>
internal static class Closures
{
    internal sealed record Request(DateOnly FromDate, DateOnly ToDate, string Reason);

    /// <summary>Longer than this is no closure but a clinic that stopped (or a typo in the year): refused.</summary>
    internal const int LongestDays = 366;

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/clinic/closures", async (Request r, HttpContext http, ClinicDbContext db, CancellationToken ct) =>
        {
            new Validator()
                .Require(r.FromDate <= r.ToDate, "toDate", "must not be before fromDate.")
                .Require(r.FromDate > r.ToDate || r.ToDate.DayNumber - r.FromDate.DayNumber < LongestDays, "toDate", $"a closure ends within {LongestDays} days of its start.")
                .NotBlank(r.Reason, "reason", 200)
                .ThrowIfUnprocessable();
            var clinic = await NextVersionAsync(http, db, required: false, ct);
            var closure = new Closure { FromDate = r.FromDate, ToDate = r.ToDate, Reason = r.Reason.Trim() };
            db.Closures.Add(closure);
            await db.SaveChangesAsync(ct);
            http.SetETag(clinic.Version);
            return TypedResults.Created($"/clinic/closures/{closure.Id}", ClosureDto.From(closure));
        }).WithSummary("Close the clinic for a range of local dates, inclusive, at most a year (Admin). If-Match (optional): the ETag of GET /clinic; the answer carries the new one.")
            .HonoursIfMatch(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        admin.MapDelete("/clinic/closures/{id:guid}", async (Guid id, HttpContext http, ClinicDbContext db, CancellationToken ct) =>
        {
            var closure = await db.Closures.FindAsync([id], ct) ?? throw new NotFoundException("Closure", id);
            var clinic = await NextVersionAsync(http, db, required: true, ct);
            db.Closures.Remove(closure);
            await db.SaveChangesAsync(ct);
            http.SetETag(clinic.Version);
            return TypedResults.NoContent();
        }).WithSummary("Remove a closure (Admin; If-Match: the ETag of GET /clinic); the answer carries the new one.")
            .RequiresIfMatch(StatusCodes.Status204NoContent);
    }

    /// <summary>
    /// 428/412 unless If-Match names the clinic's current version (when sent, for an addition); the save then raises
    /// it, comparing in the UPDATE, so two changes from one version cannot both be saved.
    /// </summary>
    private static async Task<ClinicSettings> NextVersionAsync(HttpContext http, ClinicDbContext db, bool required, CancellationToken ct)
    {
        var clinic = await db.GetClinicAsync(ct);
        if (required || http.Request.Headers.IfMatch.Count > 0)
        {
            http.EnsureMatches(db, clinic, "clinic");
        }
        db.Entry(clinic).State = Microsoft.EntityFrameworkCore.EntityState.Modified;
        return clinic;
    }
}
