using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Protocols.Data;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;

namespace Needling.Protocols.RuleChanges;

/// <summary>Proposed changes to blocking rules: what waits for a clinical lead, and what was decided.</summary>
internal static class ListRuleChanges
{
    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/rules/changes", async (string? status, ProtocolsDbContext db, CancellationToken ct) =>
        {
            var query = db.RuleChangeProposals.AsNoTracking();
            if (!string.IsNullOrEmpty(status))
            {
                query = query.Where(p => p.Status == status);
            }
            var proposals = await query.OrderByDescending(p => p.ProposedAtUtc).Take(200).ToListAsync(ct);
            return TypedResults.Ok(proposals.Select(RuleChangeDto.From).ToList());
        }).WithSummary("Proposed changes that retire or weaken a blocking rule, newest first (status=pending for those waiting).");

        staff.MapGet("/rules/changes/{id:guid}", async (Guid id, HttpContext http, ProtocolsDbContext db, CancellationToken ct) =>
        {
            var proposal = await db.RuleChangeProposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct)
                ?? throw new NotFoundException("Rule change", id);
            http.SetETag(proposal.Version);
            return TypedResults.Ok(RuleChangeDto.From(proposal));
        }).WithSummary("One proposed change to a blocking rule; the ETag is what an approval or rejection sends as If-Match.")
            .AnswersETag();
    }
}
