using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.Clinic.Data;
using Needling.Clinic.Domain;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Hosting;

namespace Needling.Clinic.ClinicDetails;

internal static partial class UpdateClinic
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^\+?[0-9 ()\-]{4,40}$")]
    private static partial System.Text.RegularExpressions.Regex PhoneShape();

    /// <param name="Phone">Omitted: unchanged (an older client must not erase it); "" clears it.</param>
    /// <param name="Jurisdiction">ISO 3166 country code (TH, JP, GB): whose regulator's status of a product counts. Omitted: unchanged; "" clears it.</param>
    internal sealed record Request(string Name, string TimeZoneId, IReadOnlyList<OpeningHoursDto> OpeningHours, string? Phone = null, string? Jurisdiction = null);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Z]{2}$")]
    private static partial System.Text.RegularExpressions.Regex CountryCode();

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPut("/clinic", async (Request r, HttpContext http, ClinicDbContext db, CancellationToken ct) =>
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
            v.Require(r.Phone is null || r.Phone.Trim().Length == 0 || PhoneShape().IsMatch(r.Phone.Trim()), "phone", "must be a telephone number: digits, spaces, + ( ) - and at most 40 characters.");
            v.Require(r.Jurisdiction is null || r.Jurisdiction.Length == 0 || CountryCode().IsMatch(r.Jurisdiction), "jurisdiction", "must be an ISO 3166 country code of two capital letters, such as TH, JP or GB.");
            v.ThrowIfUnprocessable();
            var clinic = await db.GetClinicAsync(ct);
            http.EnsureMatches(db, clinic, "clinic");
            clinic.Name = r.Name.Trim();
            clinic.TimeZoneId = r.TimeZoneId!;
            if (r.Phone is not null)
            {
                clinic.Phone = r.Phone.Trim().Length == 0 ? null : r.Phone.Trim();
            }
            if (r.Jurisdiction is not null)
            {
                clinic.Jurisdiction = r.Jurisdiction.Length == 0 ? null : r.Jurisdiction;
            }
            clinic.OpeningHours = r.OpeningHours.Select(h => new OpeningHours { Day = h.Day, Opens = h.Opens, Closes = h.Closes }).ToList();
            // Owned rows changing does not mark the owner modified; say so, so the audit trail shows the change.
            db.Entry(clinic).State = Microsoft.EntityFrameworkCore.EntityState.Modified;
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).WithSummary("Change the clinic's name, time zone, phone number, jurisdiction (ISO country code) and weekly opening hours (Admin; If-Match: the ETag of GET /clinic).")
            .RequiresIfMatch(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static bool Overlaps(IReadOnlyList<OpeningHoursDto> hours) =>
        hours.GroupBy(h => h.Day).Any(day =>
        {
            var sorted = day.OrderBy(h => h.Opens).ToList();
            return sorted.Zip(sorted.Skip(1)).Any(p => p.Second.Opens < p.First.Closes);
        });
}
