using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Clinic.Data;
using Needling.Clinic.Domain;
using Needling.SharedKernel.Errors;

namespace Needling.Clinic.Treatments;

internal static partial class Treatments
{
    internal sealed record Request(string Name, int DurationMinutes, string? DeviceKind = null, bool RequiresRegulatoryClearance = false, bool HasRegulatoryClearance = false, bool Active = true);

    internal sealed record TreatmentDto(string Code, string Name, int DurationMinutes, string? DeviceKind, bool RequiresRegulatoryClearance, bool HasRegulatoryClearance, bool Active)
    {
        public static TreatmentDto From(Treatment t) =>
            new(t.Code, t.Name, t.DurationMinutes, t.DeviceKind, t.RequiresRegulatoryClearance, t.HasRegulatoryClearance, t.Active);
    }

    [GeneratedRegex("^[A-Z][A-Z0-9-]{1,31}$")]
    private static partial Regex CodePattern();

    public static void Map(RouteGroupBuilder staff, RouteGroupBuilder admin)
    {
        staff.MapGet("/treatments", async (ClinicDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Treatments.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct)).Select(TreatmentDto.From).ToList()))
            .WithSummary("List treatments with duration and the device kind they need.");

        admin.MapPut("/treatments/{code}", async (string code, Request r, ClinicDbContext db, CancellationToken ct) =>
        {
            new Validator()
                .Require(CodePattern().IsMatch(code), "code", "must be 2 to 32 capital letters, digits or dashes, e.g. MN-PEN.")
                .NotBlank(r.Name, "name", 200)
                .Require(r.DurationMinutes is >= 5 and <= 480, "durationMinutes", "must be between 5 and 480.")
                .Require(r.DeviceKind is null || Device.Kinds.Contains(r.DeviceKind), "deviceKind", $"must be one of: {string.Join(", ", Device.Kinds)}.")
                .Require(r.RequiresRegulatoryClearance || !r.HasRegulatoryClearance, "hasRegulatoryClearance", "only applies when the treatment requires clearance.")
                .ThrowIfInvalid();
            var treatment = await db.Treatments.SingleOrDefaultAsync(t => t.Code == code, ct);
            var created = treatment is null;
            treatment ??= db.Treatments.Add(new Treatment { Code = code }).Entity;
            treatment.Name = r.Name.Trim();
            treatment.DurationMinutes = r.DurationMinutes;
            treatment.DeviceKind = r.DeviceKind;
            treatment.RequiresRegulatoryClearance = r.RequiresRegulatoryClearance;
            treatment.HasRegulatoryClearance = r.HasRegulatoryClearance;
            treatment.Active = r.Active;
            await db.SaveChangesAsync(ct);
            return created
                ? Results.Created($"/treatments/{code}", TreatmentDto.From(treatment))
                : Results.Ok(TreatmentDto.From(treatment));
        }).WithSummary("Add or change a treatment by its code (Admin). The code ties it to the protocol rules.");
    }
}
