using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.Clinic.Data;
using Needling.Clinic.Domain;
using Needling.SharedKernel.Errors;

namespace Needling.Clinic.ClinicDetails;

internal static class UpdateClinic
{
    internal sealed record Request(string Name, string TimeZoneId, IReadOnlyList<OpeningHoursDto> OpeningHours);

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPut("/clinic", async (Request r, ClinicDbContext db, CancellationToken ct) =>
        {
            var v = new Validator()
                .NotBlank(r.Name, "name", 200)
                .Require(TimeZoneInfo.TryFindSystemTimeZoneById(r.TimeZoneId ?? "", out _), "timeZoneId", "must be an IANA time zone id such as Europe/London or Asia/Tokyo.");
            for (var i = 0; i < r.OpeningHours.Count; i++)
            {
                var h = r.OpeningHours[i];
                v.Require(h.Opens < h.Closes, $"openingHours[{i}]", "must open before it closes.");
                v.Require(Enum.IsDefined(h.Day), $"openingHours[{i}].day", "must be a day of the week.");
            }
            v.Require(!Overlaps(r.OpeningHours), "openingHours", "two periods on the same day overlap.");
            v.ThrowIfInvalid();
            var clinic = await db.GetClinicAsync(ct);
            clinic.Name = r.Name.Trim();
            clinic.TimeZoneId = r.TimeZoneId!;
            clinic.OpeningHours = r.OpeningHours.Select(h => new OpeningHours { Day = h.Day, Opens = h.Opens, Closes = h.Closes }).ToList();
            // Owned rows changing does not mark the owner modified; say so, so the audit trail shows the change.
            db.Entry(clinic).State = Microsoft.EntityFrameworkCore.EntityState.Modified;
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).WithSummary("Change the clinic's name, time zone and weekly opening hours (Admin).");

    private static bool Overlaps(IReadOnlyList<OpeningHoursDto> hours) =>
        hours.GroupBy(h => h.Day).Any(day =>
        {
            var sorted = day.OrderBy(h => h.Opens).ToList();
            return sorted.Zip(sorted.Skip(1)).Any(p => p.Second.Opens < p.First.Closes);
        });
}
