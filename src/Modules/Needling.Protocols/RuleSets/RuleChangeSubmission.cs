using Microsoft.AspNetCore.Http;
using Needling.Protocols.Data;
using Needling.Protocols.Domain;
using Needling.Protocols.RuleChanges;
using Needling.SharedKernel.Audit;

namespace Needling.Protocols.RuleSets;

/// <summary>
/// Saves an admin's edit as the next rule-set version, unless it retires or weakens a blocking rule: then it waits,
/// as a proposal, for a clinical lead other than the proposer (202 with where to follow it).
/// </summary>
internal sealed class RuleChangeSubmission(ProtocolsDbContext db, RuleSetStore store, ICurrentActor actor, TimeProvider clock)
{
    public async Task<IResult> SubmitAsync(RuleChange change, CancellationToken ct)
    {
        var current = await store.CurrentAsync(ct);
        var reasons = change.Weakening(current);
        if (reasons.Count == 0)
        {
            var saved = await store.SaveNextAsync(current, v => change.ApplyTo(current, v), change.Note, ct);
            var rule = (object?)saved.Protocols.SingleOrDefault(p => p.Id == change.RuleId) ?? saved.Contraindications.SingleOrDefault(c => c.Id == change.RuleId);
            return rule is null
                ? TypedResults.Ok(new { ruleSetVersion = saved.Version })
                : TypedResults.Ok(new { ruleSetVersion = saved.Version, rule });
        }
        // Saving checks the rule set; a proposal is checked now, so that a bad rule is refused before it waits.
        RuleSetStore.Checked(change.ApplyTo(current, current.Version + 1));
        var proposal = new RuleChangeProposal
        {
            RuleId = change.RuleId,
            Kind = change.Kind,
            RuleJson = change.ProposedRuleJson(),
            BaseRuleJson = change.CurrentRuleJson(current),
            Note = change.Note,
            Reasons = string.Join('\n', reasons),
            ProposedBy = actor.Id,
            ProposedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.RuleChangeProposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/rules/changes/{proposal.Id}", RuleChangeDto.From(proposal));
    }
}
