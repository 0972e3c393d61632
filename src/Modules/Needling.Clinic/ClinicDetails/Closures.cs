using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.Clinic.Data;
using Needling.Clinic.Domain;
using Needling.SharedKernel.Errors;

namespace Needling.Clinic.ClinicDetails;

internal static class Closures
{
    internal sealed record Request(DateOnly FromDate, DateOnly ToDate, string Reason);

    /// <summary>Longer than this is no closure but a clinic that stopped (or a typo in the year): refused.</summary>
    internal const int LongestDays = 366;

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/clinic/closures", async (Request r, ClinicDbContext db, CancellationToken ct) =>
        {
            new Validator()
                .Require(r.FromDate <= r.ToDate, "toDate", "must not be before fromDate.")
                .Require(r.FromDate > r.ToDate || r.ToDate.DayNumber - r.FromDate.DayNumber < LongestDays, "toDate", $"a closure ends within {LongestDays} days of its start.")
                .NotBlank(r.Reason, "reason", 200)
                .ThrowIfUnprocessable();
            var closure = new Closure { FromDate = r.FromDate, ToDate = r.ToDate, Reason = r.Reason.Trim() };
            db.Closures.Add(closure);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/clinic/closures/{closure.Id}", ClosureDto.From(closure));
        }).WithSummary("Close the clinic for a range of local dates, inclusive, at most a year (Admin).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        admin.MapDelete("/clinic/closures/{id:guid}", async (Guid id, ClinicDbContext db, CancellationToken ct) =>
        {
            var closure = await db.Closures.FindAsync([id], ct) ?? throw new NotFoundException("Closure", id);
            db.Closures.Remove(closure);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).WithSummary("Remove a closure (Admin).");
    }
}
