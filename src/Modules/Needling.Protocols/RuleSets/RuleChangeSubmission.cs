using Microsoft.AspNetCore.Http;
using Needling.ClinicalRules;
using Needling.Protocols.Data;
using Needling.Protocols.Domain;
using Needling.Protocols.RuleChanges;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Concurrency;

namespace Needling.Protocols.RuleSets;

/// <summary>
/// Saves an admin's edit as the next rule-set version, unless it retires or weakens a blocking rule: then it waits,
/// as a proposal, for a clinical lead other than the proposer (202 with where to follow it).
/// </summary>
internal sealed class RuleChangeSubmission(ProtocolsDbContext db, RuleSetStore store, IHttpContextAccessor http, ICurrentActor actor, TimeProvider clock)
{
    public async Task<IResult> SubmitAsync(RuleChange change, CancellationToken ct)
    {
        var current = await store.CurrentAsync(ct);
        // Made from the rule set the admin read (If-Match: its version). Saving writes version + 1 under a unique
        // key, so of two edits from one version only one is saved even at the same moment (RuleSetStore).
        http.HttpContext!.EnsureMatches(current.Version, "rule set");
        var reasons = change.Weakening(current);
        if (reasons.Count == 0)
        {
            RuleSet saved;
            try
            {
                saved = await store.SaveNextAsync(current, v => change.ApplyTo(current, v), change.Note, ct);
            }
            catch (ConflictException)
            {
                throw new PreconditionFailedException("rule set"); // saved from the same version a moment ago
            }
            return change.Protocol is not null
                ? TypedResults.Ok(new ProtocolSaved(saved.Version, saved.Protocols.Single(p => p.Id == change.RuleId)))
                : change.Contraindication is not null
                    ? TypedResults.Ok(new ContraindicationSaved(saved.Version, saved.Contraindications.Single(c => c.Id == change.RuleId)))
                    : TypedResults.Ok(new RuleRetired(saved.Version));
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

/// <summary>The protocol rule as saved in the new rule-set version.</summary>
internal sealed record ProtocolSaved(int RuleSetVersion, ProtocolRule Rule) : IVersionedResource
{
    int IVersionedResource.Version => RuleSetVersion;
}

/// <summary>The contraindication rule as saved in the new rule-set version.</summary>
internal sealed record ContraindicationSaved(int RuleSetVersion, ContraindicationRule Rule) : IVersionedResource
{
    int IVersionedResource.Version => RuleSetVersion;
}

/// <summary>The new rule-set version, without the retired rule.</summary>
internal sealed record RuleRetired(int RuleSetVersion) : IVersionedResource
{
    int IVersionedResource.Version => RuleSetVersion;
}
