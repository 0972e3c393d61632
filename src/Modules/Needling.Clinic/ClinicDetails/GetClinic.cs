using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Clinic.Data;
using Needling.SharedKernel.Hosting;

namespace Needling.Clinic.ClinicDetails;

internal static class GetClinic
{
    public static void Map(RouteGroupBuilder staff) =>
        staff.MapGet("/clinic", async (ClinicDbContext db, CancellationToken ct) =>
        {
            var clinic = await db.GetClinicAsync(ct);
            var closures = await db.Closures.AsNoTracking().OrderBy(c => c.FromDate).ToListAsync(ct);
            return TypedResults.Ok(new ClinicDto(
                clinic.Name, clinic.TimeZoneId,
                clinic.OpeningHours.OrderBy(h => h.Day).ThenBy(h => h.Opens).Select(h => new OpeningHoursDto(h.Day, h.Opens, h.Closes)).ToList(),
                closures.Select(ClosureDto.From).ToList(), clinic.Phone, clinic.Jurisdiction, clinic.Version));
        }).WithSummary("The clinic: name, time zone, phone number, jurisdiction, opening hours and closures; the ETag is what a change sends as If-Match.")
            .AnswersETag();
}
