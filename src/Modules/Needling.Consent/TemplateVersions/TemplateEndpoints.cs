using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Consent.Data;
using Needling.Consent.Domain;
using Needling.Consent.Requests;
using Needling.Consent.Seed;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Hosting;
using MediatR;
using Needling.Contracts.Clinic;

namespace Needling.Consent.TemplateVersions;

/// <summary>Consent forms per treatment and language, versioned. An Admin publishes a new version; old ones stay readable.</summary>
internal static class TemplateEndpoints
{
    internal sealed record VersionDto(string TreatmentCode, int Version, IReadOnlyList<string> Languages, bool RequiresReconsent, DateTime PublishedAtUtc, string PublishedBy, string? Note);

    internal sealed record Published(string TreatmentCode, int Version, bool RequiresReconsent) : IVersionedResource;

    internal sealed record Publish(IReadOnlyList<TemplateContent> Texts, bool RequiresReconsent, string Note);

    public static void Map(RouteGroupBuilder staff, RouteGroupBuilder admin)
    {
        staff.MapGet("/consent/templates", async (ConsentDbContext db, CancellationToken ct) =>
        {
            var rows = await db.Templates.AsNoTracking().Select(t => new { t.TreatmentCode, t.Version, t.Language, t.RequiresReconsent, t.PublishedAtUtc, t.PublishedBy, t.Note }).ToListAsync(ct);
            return TypedResults.Ok(rows.GroupBy(t => (t.TreatmentCode, t.Version)).OrderBy(g => g.Key.TreatmentCode).ThenByDescending(g => g.Key.Version)
                .Select(g => new VersionDto(g.Key.TreatmentCode, g.Key.Version, g.Select(t => t.Language).Order().ToList(), g.First().RequiresReconsent, g.First().PublishedAtUtc, g.First().PublishedBy, g.First().Note))
                .ToList());
        }).WithSummary("Every consent form version, per treatment, with its languages.");

        staff.MapGet("/consent/templates/{treatmentCode}/versions/{version:int}/{language}", async (string treatmentCode, int version, string language, ConsentDbContext db, CancellationToken ct) =>
        {
            var row = await db.Templates.AsNoTracking().SingleOrDefaultAsync(t => t.TreatmentCode == treatmentCode && t.Version == version && t.Language == language, ct)
                ?? throw new NotFoundException("Consent form", $"{treatmentCode} v{version} {language}");
            return Results.Content(row.ContentJson, "application/json");
        }).WithSummary("The text of one form version in one language.")
            .Produces<TemplateContent>().ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapPost("/consent/templates/{treatmentCode}/versions", async (string treatmentCode, Publish p, HttpContext http, ConsentDbContext db, IMediator mediator, ICurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        {
            Validate(treatmentCode, p);
            if (await mediator.Send(new GetTreatment(treatmentCode), ct) is null)
            {
                throw UnprocessableInputException.For("treatmentCode", $"no treatment has the code '{treatmentCode}': add the treatment first (PUT /treatments/{{code}}).");
            }
            var latest = await db.Templates.Where(t => t.TreatmentCode == treatmentCode).MaxAsync(t => (int?)t.Version, ct);
            if (latest is not null)
            {
                // A new version replaces the one in use: made from the version the admin read (If-Match).
                http.EnsureMatches(latest.Value, "consent form");
            }
            var version = (latest ?? 0) + 1;
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var text in p.Texts)
            {
                db.Templates.Add(new ConsentTemplate
                {
                    TreatmentCode = treatmentCode, Version = version, Language = text.Language, Title = text.Title,
                    ContentJson = JsonSerializer.Serialize(text, TemplateLibrary.Json), RequiresReconsent = p.RequiresReconsent,
                    PublishedAtUtc = now, PublishedBy = actor.Id, Note = p.Note.Trim(),
                });
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                // Published from the same version a moment ago (the unique key compares inside the write).
                throw new PreconditionFailedException("consent form");
            }
            if (p.RequiresReconsent)
            {
                await ConsentRequests.ReopenSupersededAsync(db, treatmentCode, version, now, ct);
            }
            return TypedResults.Created($"/consent/templates/{treatmentCode}/versions/{version}/en", new Published(treatmentCode, version, p.RequiresReconsent));
        }).WithSummary("Publish a new version of a treatment's consent form (Admin). With requiresReconsent, consents on earlier versions stop being valid. Once a form has a version, a new one needs If-Match: the latest version in quotes (its ETag).")
            .Produces<Published>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict)
            .HonoursIfMatch(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static void Validate(string treatmentCode, Publish p)
    {
        var v = new Validator()
            .NotBlank(p.Note, "note", 2000)
            .Require(p.Texts.Count > 0, "texts", "give at least the English text.")
            .Require(p.Texts.Any(t => t.Language == "en"), "texts", "an English text is required (the fallback for every patient).")
            .Require(p.Texts.Select(t => t.Language).Distinct().Count() == p.Texts.Count, "texts", "each language once.");
        for (var i = 0; i < p.Texts.Count; i++)
        {
            var t = p.Texts[i];
            v.Require(t.TreatmentCode == treatmentCode, $"texts[{i}].treatmentCode", "must match the URL.")
                .OneOf(t.Language, ConsentTemplate.Languages, $"texts[{i}].language")
                .NotBlank(t.Title, $"texts[{i}].title", 300)
                .Require(t.Sections.Count > 0, $"texts[{i}].sections", "a form needs its sections.")
                .Require(t.Acknowledgements.Count > 0, $"texts[{i}].acknowledgements", "a form needs what the patient acknowledges.");
        }
        v.ThrowIfUnprocessable();
    }
}
