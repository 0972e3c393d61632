using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.ClinicalRules;
using Needling.SharedKernel.Errors;

namespace Needling.Protocols.RuleSets;

/// <summary>
/// An Admin adds, changes or retires one rule. Each save makes a new rule-set version; a changed rule
/// gets its own version number raised, so a decision names exactly which wording of a rule applied.
/// </summary>
internal static class EditRules
{
    internal sealed record ProtocolEdit(ProtocolRule Rule, string Note);

    internal sealed record ContraindicationEdit(ContraindicationRule Rule, string Note);

    internal sealed record RetireRequest(string Note);

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPut("/rules/protocols/{id}", async (string id, ProtocolEdit edit, RuleSetStore store, CancellationToken ct) =>
        {
            Check(id, edit.Rule.Id, edit.Note);
            var current = await store.CurrentAsync(ct);
            var old = current.Protocols.SingleOrDefault(p => p.Id == id);
            var rule = edit.Rule with { Version = (old?.Version ?? 0) + 1 };
            var saved = await store.SaveNextAsync(current, v => current with
            {
                Version = v,
                Protocols = [.. current.Protocols.Where(p => p.Id != id), rule],
            }, edit.Note.Trim(), ct);
            return TypedResults.Ok(new { ruleSetVersion = saved.Version, rule });
        }).WithSummary("Add or change a protocol rule (Admin); makes a new rule-set version.");

        admin.MapPut("/rules/contraindications/{id}", async (string id, ContraindicationEdit edit, RuleSetStore store, CancellationToken ct) =>
        {
            Check(id, edit.Rule.Id, edit.Note);
            var current = await store.CurrentAsync(ct);
            var old = current.Contraindications.SingleOrDefault(c => c.Id == id);
            var rule = edit.Rule with { Version = (old?.Version ?? 0) + 1 };
            var saved = await store.SaveNextAsync(current, v => current with
            {
                Version = v,
                Contraindications = [.. current.Contraindications.Where(c => c.Id != id), rule],
            }, edit.Note.Trim(), ct);
            return TypedResults.Ok(new { ruleSetVersion = saved.Version, rule });
        }).WithSummary("Add or change a contraindication rule (Admin); makes a new rule-set version.");

        admin.MapPost("/rules/{id}/retire", async (string id, RetireRequest r, RuleSetStore store, CancellationToken ct) =>
        {
            new Validator().NotBlank(r.Note, "note", 2000).ThrowIfInvalid();
            var current = await store.CurrentAsync(ct);
            if (current.Protocols.All(p => p.Id != id) && current.Contraindications.All(c => c.Id != id))
            {
                throw new NotFoundException("Rule", id);
            }
            var saved = await store.SaveNextAsync(current, v => current with
            {
                Version = v,
                Protocols = current.Protocols.Where(p => p.Id != id).ToList(),
                Contraindications = current.Contraindications.Where(c => c.Id != id).ToList(),
            }, r.Note.Trim(), ct);
            return TypedResults.Ok(new { ruleSetVersion = saved.Version });
        }).WithSummary("Retire a rule (Admin); makes a new rule-set version without it.");
    }

    private static void Check(string routeId, string bodyId, string note) =>
        new Validator()
            .Require(routeId == bodyId, "rule.id", "must match the id in the URL.")
            .NotBlank(note, "note", 2000)
            .ThrowIfInvalid();
}
