using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.ClinicalRules;
using Needling.Protocols.RuleChanges;
using Needling.SharedKernel.Errors;

namespace Needling.Protocols.RuleSets;

/// <summary>
/// An Admin adds, changes or retires one rule. Each save makes a new rule-set version; a changed rule
/// gets its own version number raised, so a decision names exactly which wording of a rule applied.
/// Retiring or weakening a blocking rule waits for a clinical lead's approval (<see cref="RuleChangeSubmission"/>).
/// </summary>
internal static class EditRules
{
    internal sealed record ProtocolEdit(ProtocolRule Rule, string Note);

    internal sealed record ContraindicationEdit(ContraindicationRule Rule, string Note);

    internal sealed record RetireRequest(string Note);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPut("/rules/protocols/{id}", async (string id, ProtocolEdit edit, RuleChangeSubmission submission, CancellationToken ct) =>
        {
            Check(id, edit.Rule.Id, edit.Note);
            return await submission.SubmitAsync(new RuleChange(id, edit.Rule, null, edit.Note.Trim()), ct);
        }).WithSummary("Add or change a protocol rule (Admin); makes a new rule-set version, or 202 with a proposal when the change weakens the rule.")
            .Produces<ProtocolSaved>().Produces<RuleChangeDto>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        admin.MapPut("/rules/contraindications/{id}", async (string id, ContraindicationEdit edit, RuleChangeSubmission submission, CancellationToken ct) =>
        {
            Check(id, edit.Rule.Id, edit.Note);
            return await submission.SubmitAsync(new RuleChange(id, null, edit.Rule, edit.Note.Trim()), ct);
        }).WithSummary("Add or change a contraindication rule (Admin); makes a new rule-set version, or 202 with a proposal when a blocking rule is weakened.")
            .Produces<ContraindicationSaved>().Produces<RuleChangeDto>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        admin.MapPost("/rules/{id}/retire", async (string id, RetireRequest r, RuleSetStore store, RuleChangeSubmission submission, CancellationToken ct) =>
        {
            new Validator().NotBlank(r.Note, "note", 2000).ThrowIfInvalid();
            var current = await store.CurrentAsync(ct);
            if (current.Protocols.All(p => p.Id != id) && current.Contraindications.All(c => c.Id != id))
            {
                throw new NotFoundException("Rule", id);
            }
            return await submission.SubmitAsync(new RuleChange(id, null, null, r.Note.Trim()), ct);
        }).WithSummary("Retire a rule (Admin); makes a new rule-set version without it, or 202 with a proposal when the rule blocks.")
            .Produces<RuleRetired>().Produces<RuleChangeDto>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static void Check(string routeId, string bodyId, string note) =>
        new Validator()
            .Require(routeId == bodyId, "rule.id", "must match the id in the URL.")
            .NotBlank(note, "note", 2000)
            .ThrowIfInvalid();
}
