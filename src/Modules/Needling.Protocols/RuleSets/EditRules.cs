using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.ClinicalRules;
using Needling.Protocols.RuleChanges;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;
using MediatR;
using Needling.Contracts.Clinic;

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
        admin.MapPut("/rules/protocols/{id}", async (string id, ProtocolEdit edit, RuleChangeSubmission submission, IMediator mediator, CancellationToken ct) =>
        {
            Check(id, edit.Rule.Id, edit.Note);
            await CheckProtocolAsync(edit.Rule, mediator, ct);
            return await submission.SubmitAsync(new RuleChange(id, edit.Rule, null, edit.Note.Trim()), ct);
        }).WithSummary("Add or change a protocol rule (Admin); If-Match: the rule-set version read (the ETag of GET /rules); makes a new rule-set version, or 202 with a proposal when the change weakens the rule.")
            .Produces<ProtocolSaved>().Produces<RuleChangeDto>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequiresIfMatch();

        admin.MapPut("/rules/contraindications/{id}", async (string id, ContraindicationEdit edit, RuleChangeSubmission submission, CancellationToken ct) =>
        {
            Check(id, edit.Rule.Id, edit.Note);
            return await submission.SubmitAsync(new RuleChange(id, null, edit.Rule, edit.Note.Trim()), ct);
        }).WithSummary("Add or change a contraindication rule (Admin); If-Match: the rule-set version read (the ETag of GET /rules); makes a new rule-set version, or 202 with a proposal when a blocking rule is weakened.")
            .Produces<ContraindicationSaved>().Produces<RuleChangeDto>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequiresIfMatch();

        admin.MapPost("/rules/{id}/retire", async (string id, RetireRequest r, RuleSetStore store, RuleChangeSubmission submission, CancellationToken ct) =>
        {
            new Validator().NotBlank(r.Note, "note", 2000).ThrowIfUnprocessable();
            var current = await store.CurrentAsync(ct);
            if (current.Protocols.All(p => p.Id != id) && current.Contraindications.All(c => c.Id != id))
            {
                throw new NotFoundException("Rule", id);
            }
            return await submission.SubmitAsync(new RuleChange(id, null, null, r.Note.Trim()), ct);
        }).WithSummary("Retire a rule (Admin); If-Match: the rule-set version read; makes a new rule-set version without it, or 202 with a proposal when the rule blocks.")
            .Produces<RuleRetired>().Produces<RuleChangeDto>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequiresIfMatch();
    }

    /// <summary>
    /// What the rule reader lets through but makes no sense for a clinic: a protocol without an interval between
    /// sessions (skin needs days to heal; every seeded protocol has 7 or more), a depth for a zone nobody knows, a
    /// protocol for a treatment the clinic does not offer. 422 naming the field; nothing is saved.
    /// </summary>
    private static async Task CheckProtocolAsync(ProtocolRule rule, IMediator mediator, CancellationToken ct)
    {
        var v = new Validator()
            .Require(rule.MinIntervalDays >= 1, "rule.minIntervalDays", "must be 1 day or more: sessions of a protocol are apart.");
        for (var i = 0; i < (rule.Depths?.Count ?? 0); i++)
        {
            v.Require(rule.Depths![i] is { } d && Codes.Zones.Contains(d.Zone), $"rule.depths[{i}].zone", $"must be one of: {string.Join(", ", Codes.Zones.Order())}.");
        }
        v.Require(!string.IsNullOrWhiteSpace(rule.TreatmentCode) && await mediator.Send(new GetTreatment(rule.TreatmentCode), ct) is not null,
            "rule.treatmentCode", "must be the code of a treatment the clinic has (GET /treatments).");
        v.ThrowIfUnprocessable();
    }

    private static void Check(string routeId, string bodyId, string note) =>
        new Validator()
            .Require(routeId == bodyId, "rule.id", "must match the id in the URL.")
            .NotBlank(note, "note", 2000)
            .ThrowIfUnprocessable();
}
