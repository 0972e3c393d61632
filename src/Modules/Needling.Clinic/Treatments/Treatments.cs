using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Clinic.ClinicDetails;
using Needling.Clinic.Data;
using Needling.Clinic.Domain;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Hosting;

namespace Needling.Clinic.Treatments;

internal static partial class Treatments
{
    /// <param name="RequiresRegulatoryClearance">Omitted on a change: unchanged (false on creation).</param>
    /// <param name="RegulatoryStatus">
    /// The product's status per jurisdiction; required on creation when the treatment requires clearance. Omitted on a
    /// change: unchanged (an older client must not erase it); a list replaces the whole record.
    /// </param>
    internal sealed record Request(string Name, int DurationMinutes, string? DeviceKind = null, bool? RequiresRegulatoryClearance = null,
        IReadOnlyList<RegulatoryStatusDto>? RegulatoryStatus = null, bool Active = true);

    internal sealed record RegulatoryStatusDto(string? Jurisdiction, string? Status, string? Reference);

    /// <param name="HasRegulatoryClearance">True when the product is approved in the clinic's jurisdiction.</param>
    internal sealed record TreatmentDto(string Code, string Name, int DurationMinutes, string? DeviceKind, bool RequiresRegulatoryClearance,
        IReadOnlyList<RegulatoryStatus> RegulatoryStatus, bool HasRegulatoryClearance, bool Active, int Version) : IVersionedResource
    {
        public static TreatmentDto From(Treatment t, string? jurisdiction) =>
            new(t.Code, t.Name, t.DurationMinutes, t.DeviceKind, t.RequiresRegulatoryClearance, t.RegulatoryStatuses,
                t.RequiresRegulatoryClearance && t.IsClearedIn(jurisdiction), t.Active, t.Version);
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[A-Z][A-Z0-9-]{1,31}$")]
    private static partial Regex CodePattern();

    public static void Map(RouteGroupBuilder staff, RouteGroupBuilder admin)
    {
        staff.MapGet("/treatments", async (ClinicDbContext db, CancellationToken ct) =>
        {
            var jurisdiction = (await db.GetClinicAsync(ct)).Jurisdiction;
            return TypedResults.Ok((await db.Treatments.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct)).Select(t => TreatmentDto.From(t, jurisdiction)).ToList());
        })
            .WithSummary("List treatments with duration and the device kind they need; each one's version, in quotes, is its ETag for If-Match.");

        admin.MapPut("/treatments/{code}", async (string code, Request r, HttpContext http, ClinicDbContext db, CancellationToken ct) =>
        {
            var treatment = await db.Treatments.SingleOrDefaultAsync(t => t.Code == code, ct);
            if (treatment is not null)
            {
                http.EnsureMatches(db, treatment, "treatment"); // a change, not an addition: made from the version read
            }
            var created = treatment is null;
            var requires = r.RequiresRegulatoryClearance ?? treatment?.RequiresRegulatoryClearance ?? false;
            var v = new Validator()
                .Require(CodePattern().IsMatch(code), "code", "must be 2 to 32 capital letters, digits or dashes, e.g. MN-PEN.")
                .NotBlank(r.Name, "name", 200)
                .Require(r.DurationMinutes is >= 5 and <= 480, "durationMinutes", "must be between 5 and 480.")
                .Require(r.DeviceKind is null || Device.Kinds.Contains(r.DeviceKind), "deviceKind", $"must be one of: {string.Join(", ", Device.Kinds)}.")
                // A product that needs a regulator's clearance is created with its status, so that nobody can book it
                // on an assumption (clinical-defaults.md, UC-MSC).
                .Require(!created || !requires || r.RegulatoryStatus is { Count: > 0 }, "regulatoryStatus",
                    "is required when the treatment requires regulatory clearance: give the status per jurisdiction (approved, trial-only or not-approved) with its reference.");
            ValidateStatuses(v, r.RegulatoryStatus);
            v.ThrowIfUnprocessable();
            treatment ??= db.Treatments.Add(new Treatment { Code = code }).Entity;
            treatment.Name = r.Name.Trim();
            treatment.DurationMinutes = r.DurationMinutes;
            treatment.DeviceKind = r.DeviceKind;
            treatment.RequiresRegulatoryClearance = requires;
            if (r.RegulatoryStatus is not null)
            {
                treatment.RegulatoryStatusJson = System.Text.Json.JsonSerializer.Serialize(
                    r.RegulatoryStatus.Select(x => new RegulatoryStatus(x.Jurisdiction!, x.Status!, x.Reference!.Trim())).ToList());
            }
            treatment.Active = r.Active;
            await db.SaveChangesAsync(ct);
            var jurisdiction = (await db.GetClinicAsync(ct)).Jurisdiction;
            return created
                ? Results.Created($"/treatments/{code}", TreatmentDto.From(treatment, jurisdiction))
                : Results.Ok(TreatmentDto.From(treatment, jurisdiction));
        }).WithSummary("Add or change a treatment by its code (Admin). The code ties it to the protocol rules. A product needing clearance carries its regulatory status per jurisdiction; omitted on a change, it is kept. Changing an existing treatment needs If-Match (its ETag); adding one does not.")
            .Produces<TreatmentDto>().Produces<TreatmentDto>(StatusCodes.Status201Created)
            .HonoursIfMatch().AnswersETag(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static void ValidateStatuses(Validator v, IReadOnlyList<RegulatoryStatusDto>? statuses)
    {
        for (var i = 0; i < (statuses?.Count ?? 0); i++)
        {
            var s = statuses![i];
            v.Require(s.Jurisdiction is not null && CountryCode().IsMatch(s.Jurisdiction), $"regulatoryStatus[{i}].jurisdiction", "must be an ISO 3166 country code of two capital letters, such as TH.")
                .OneOf(s.Status, RegulatoryStatus.All, $"regulatoryStatus[{i}].status")
                .NotBlank(s.Reference, $"regulatoryStatus[{i}].reference", 300);
        }
        v.Require(statuses is null || statuses.Select(s => s.Jurisdiction).Distinct().Count() == statuses.Count, "regulatoryStatus", "lists a jurisdiction twice.");
    }
}
