using Needling.ClinicalRules;

namespace Needling.Protocols.RuleSets;

/// <summary>
/// One edit of the rule set: a protocol or contraindication added or changed, or a rule retired. Applied to whatever
/// rule set is current when it is saved; a changed rule's own version goes up by one.
/// </summary>
internal sealed record RuleChange(string RuleId, ProtocolRule? Protocol, ContraindicationRule? Contraindication, string Note)
{
    public bool Retires => Protocol is null && Contraindication is null;

    public string Kind => Protocol is not null ? "protocol" : Contraindication is not null ? "contraindication" : "retire";

    public RuleSet ApplyTo(RuleSet current, int version)
    {
        var oldProtocol = current.Protocols.SingleOrDefault(p => p.Id == RuleId);
        var oldContraindication = current.Contraindications.SingleOrDefault(c => c.Id == RuleId);
        // An edit replaces the rule of its own kind (a protocol id reused by a contraindication is refused by the
        // validator as a duplicate); a retirement removes the id from both.
        var protocols = Contraindication is null ? current.Protocols.Where(p => p.Id != RuleId).ToList() : [.. current.Protocols];
        var contraindications = Protocol is null ? current.Contraindications.Where(c => c.Id != RuleId).ToList() : [.. current.Contraindications];
        if (Protocol is not null)
        {
            protocols.Add(Protocol with { Version = (oldProtocol?.Version ?? 0) + 1 });
        }
        if (Contraindication is not null)
        {
            contraindications.Add(Contraindication with { Version = (oldContraindication?.Version ?? 0) + 1 });
        }
        return current with { Version = version, Protocols = protocols, Contraindications = contraindications };
    }

    /// <summary>Why this change takes protection away from patients (then a clinical lead must approve it); empty when it does not.</summary>
    public IReadOnlyList<string> Weakening(RuleSet current)
    {
        var oldProtocol = current.Protocols.SingleOrDefault(p => p.Id == RuleId);
        var oldContraindication = current.Contraindications.SingleOrDefault(c => c.Id == RuleId);
        return
        [
            .. Contraindication is null ? RuleChangeReview.Weakening(oldProtocol, Protocol) : [],
            .. Protocol is null ? RuleChangeReview.Weakening(oldContraindication, Contraindication) : [],
        ];
    }

    /// <summary>The rule as it stands in <paramref name="rules"/>, as JSON (null when there is none).</summary>
    public string? CurrentRuleJson(RuleSet rules)
    {
        var protocol = rules.Protocols.SingleOrDefault(p => p.Id == RuleId);
        var contraindication = rules.Contraindications.SingleOrDefault(c => c.Id == RuleId);
        return protocol is null && contraindication is null
            ? null
            : RuleSetJson.Serialize(new RuleSet(1, protocol is null ? [] : [protocol], contraindication is null ? [] : [contraindication]));
    }

    public string? ProposedRuleJson() =>
        Retires ? null : RuleSetJson.Serialize(new RuleSet(1, Protocol is null ? [] : [Protocol], Contraindication is null ? [] : [Contraindication]));

    public static RuleChange FromJson(string ruleId, string? json, string note)
    {
        if (json is null)
        {
            return new RuleChange(ruleId, null, null, note);
        }
        var rules = RuleSetJson.Deserialize(json);
        return new RuleChange(ruleId, rules.Protocols.SingleOrDefault(), rules.Contraindications.SingleOrDefault(), note);
    }
}
