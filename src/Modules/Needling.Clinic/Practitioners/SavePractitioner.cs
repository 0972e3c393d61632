using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.ClinicalRules;
using Needling.Clinic.Data;
using Needling.Clinic.Domain;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Hosting;

namespace Needling.Clinic.Practitioners;

/// <summary>Register a practitioner or change one (Admin). Qualification codes are the ones the protocol rules ask for.</summary>
internal static class SavePractitioner
{
    internal sealed record Request(
        string DisplayName, string Profession, IReadOnlyList<QualificationDto> Qualifications,
        string? LicenceNumber = null, DateOnly? LicenceExpiresOn = null, bool Active = true, bool? ClinicalLead = null);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/practitioners", async (Request r, ClinicDbContext db, CancellationToken ct) =>
        {
            var practitioner = new Practitioner();
            Apply(r, practitioner);
            db.Practitioners.Add(practitioner);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/practitioners/{practitioner.Id}", PractitionerDto.From(practitioner));
        }).WithSummary("Register a practitioner with qualifications and licence expiry (Admin).")
            .AnswersETag(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        admin.MapPut("/practitioners/{id:guid}", async (Guid id, Request r, HttpContext http, ClinicDbContext db, CancellationToken ct) =>
        {
            var practitioner = await db.Practitioners.Include(p => p.Qualifications).SingleOrDefaultAsync(p => p.Id == id, ct)
                ?? throw new NotFoundException("Practitioner", id);
            http.EnsureMatches(db, practitioner, "practitioner");
            Apply(r, practitioner);
            db.Entry(practitioner).State = EntityState.Modified;
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(PractitionerDto.From(practitioner));
        }).WithSummary("Change a practitioner (Admin; If-Match: its ETag). Practitioners who leave are made inactive, not deleted.")
            .RequiresIfMatch()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static void Apply(Request r, Practitioner p)
    {
        // The body binder lets JSON null through a non-nullable list and its items: refuse it here, not with a 500.
        if (r.Qualifications is null || r.Qualifications.Any(q => q is null))
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["qualifications"] = ["must be a list of qualifications (empty for none), none of them null."] });
        }
        var v = new Validator()
            .NotBlank(r.DisplayName, "displayName", 200)
            .NotBlank(r.Profession, "profession", 100)
            .MaxLength(r.LicenceNumber, "licenceNumber", 100)
            .Require(r.Qualifications.Select(q => q.Code).Distinct().Count() == r.Qualifications.Count, "qualifications", "a qualification is listed twice.");
        for (var i = 0; i < r.Qualifications.Count; i++)
        {
            v.OneOf(r.Qualifications[i].Code, Codes.Qualifications, $"qualifications[{i}].code");
        }
        v.ThrowIfUnprocessable();
        p.DisplayName = r.DisplayName.Trim();
        p.Profession = r.Profession.Trim();
        p.LicenceNumber = r.LicenceNumber?.Trim();
        p.LicenceExpiresOn = r.LicenceExpiresOn;
        p.Active = r.Active;
        // Omitted on an update: unchanged. A change a client did not mean must not grant or take away the permission.
        p.ClinicalLead = r.ClinicalLead ?? p.ClinicalLead;
        p.Qualifications = r.Qualifications.Select(q => new Qualification { Code = q.Code, ExpiresOn = q.ExpiresOn }).ToList();
    }
}
