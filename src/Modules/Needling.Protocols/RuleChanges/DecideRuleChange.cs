using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Contracts.Clinic;
using Needling.Protocols.Data;
using Needling.Protocols.Domain;
using Needling.Protocols.RuleSets;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;
using Needling.SharedKernel.Security;

namespace Needling.Protocols.RuleChanges;

/// <summary>
/// A clinical lead (a practitioner account whose practitioner has the clinical-lead flag), not the proposer, approves
/// or rejects a proposed change to a blocking rule. Approval writes the next rule-set version in the same transaction
/// as the decision; both carry who did it, and the audit log records both.
/// </summary>
internal static class DecideRuleChange
{
    internal sealed record Decision(string Note);

    public static void Map(RouteGroupBuilder practitioners)
    {
        practitioners.MapPost("/rules/changes/{id:guid}/approve", async (Guid id, Decision d, ClaimsPrincipal user, HttpContext http, ProtocolsDbContext db,
            RuleSetStore store, IMediator mediator, ICurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var proposal = await PendingAsync(id, d, user, http, db, mediator, actor, ct);
            var change = RuleChange.FromJson(proposal.RuleId, proposal.RuleJson,
                $"{proposal.Note} (proposed by {proposal.ProposedBy}; approved by {actor.Id}: {d.Note.Trim()})");
            var current = await store.CurrentAsync(ct);
            if (change.CurrentRuleJson(current) != proposal.BaseRuleJson)
            {
                throw new ConflictException($"Rule '{proposal.RuleId}' has changed since this was proposed; reject it and propose the change again on the rule as it is now.");
            }
            Decide(proposal, RuleChangeStatus.Approved, d, actor, clock);
            proposal.AppliedVersion = current.Version + 1;
            await store.SaveNextAsync(current, v => change.ApplyTo(current, v), change.Note, ct);
            return TypedResults.Ok(RuleChangeDto.From(proposal));
        }).WithSummary("Approve a proposed change to a blocking rule (a clinical lead other than the proposer; If-Match: the ETag of GET /rules/changes/{id}); makes the next rule-set version.")
            .RequiresIfMatch();

        practitioners.MapPost("/rules/changes/{id:guid}/reject", async (Guid id, Decision d, ClaimsPrincipal user, HttpContext http, ProtocolsDbContext db,
            IMediator mediator, ICurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var proposal = await PendingAsync(id, d, user, http, db, mediator, actor, ct);
            Decide(proposal, RuleChangeStatus.Rejected, d, actor, clock);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(RuleChangeDto.From(proposal));
        }).WithSummary("Reject a proposed change to a blocking rule (a clinical lead other than the proposer; If-Match: the ETag of GET /rules/changes/{id}); the rule stays as it is.")
            .RequiresIfMatch();
    }

    private static async Task<RuleChangeProposal> PendingAsync(Guid id, Decision d, ClaimsPrincipal user, HttpContext http, ProtocolsDbContext db,
        IMediator mediator, ICurrentActor actor, CancellationToken ct)
    {
        new Validator().NotBlank(d.Note, "note", 2000).ThrowIfInvalid();
        var proposal = await db.RuleChangeProposals.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Rule change", id);
        var practitioner = TokenClaims.PractitionerIdOf(user) is { } pid ? await mediator.Send(new GetPractitioner(pid), ct) : null;
        if (practitioner is not { Active: true, ClinicalLead: true })
        {
            throw new ForbiddenException("Only a clinical lead can approve or reject a change to a blocking rule: an Admin sets the flag on the practitioner record, and the account must be linked to it.");
        }
        if (proposal.ProposedBy == actor.Id)
        {
            throw new ForbiddenException("A change to a blocking rule needs a second person: the one who proposed it cannot decide it.");
        }
        // Decided is the proposal as read (a lead who read it pending while another decided it gets 412); its version
        // is compared again in the UPDATE, so of two leads deciding at once only one decision is saved.
        http.EnsureMatches(db, proposal, "rule change");
        if (proposal.Status != RuleChangeStatus.Pending)
        {
            throw new ConflictException($"This change was already {proposal.Status}.");
        }
        return proposal;
    }

    private static void Decide(RuleChangeProposal proposal, string status, Decision d, ICurrentActor actor, TimeProvider clock)
    {
        proposal.Status = status;
        proposal.DecidedBy = actor.Id;
        proposal.DecidedAtUtc = clock.GetUtcNow().UtcDateTime;
        proposal.DecisionNote = d.Note.Trim();
    }
}
