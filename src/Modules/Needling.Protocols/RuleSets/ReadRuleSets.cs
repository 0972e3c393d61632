using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.ClinicalRules;
using Needling.Protocols.Data;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Hosting;

namespace Needling.Protocols.RuleSets;

internal static class ReadRuleSets
{
    internal sealed record VersionDto(int Version, DateTime CreatedAtUtc, string CreatedBy, string Note);

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/rules", async (HttpContext http, RuleSetStore store, CancellationToken ct) =>
        {
            var current = await store.CurrentAsync(ct);
            http.SetETag(current.Version); // an edit names the rule-set version it was made from
            return TypedResults.Ok(current);
        }).WithSummary("The rule set in force: protocols and contraindications, each with id, version, source and evidence level. The ETag (the rule-set version) is what an edit sends as If-Match.")
            .WithMetadata(new ResponseHeaderMetadata(StatusCodes.Status200OK, ApiHeaderExtensions.ETag, "The rule-set version in quotes: send it back as If-Match to edit a rule."));

        staff.MapGet("/rules/versions", async (ProtocolsDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.RuleSets.AsNoTracking().OrderByDescending(r => r.Version)
                .Select(r => new VersionDto(r.Version, r.CreatedAtUtc, r.CreatedBy, r.Note)).ToListAsync(ct)))
            .WithSummary("Every rule-set version, newest first, with who made it and why.");

        staff.MapGet("/rules/versions/{version:int}", async (int version, RuleSetStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.VersionAsync(version, ct) ?? throw new NotFoundException("Rule set version", version)))
            .WithSummary("One past rule-set version, exactly as it decided.");
    }
}
