using System.Runtime.CompilerServices;

namespace Needling.ClinicalRules;

// Lookups precomputed once per rule set instance, so that one decision does not rescan every rule.
// Keyed by reference (a RuleSet is immutable data; a changed rule set is a new instance with a new version).
internal sealed class RuleIndex
{
    private static readonly ConditionalWeakTable<RuleSet, RuleIndex> Cache = new();

    private readonly Dictionary<(string Treatment, string Indication), ProtocolRule> protocols = new();
    private readonly Dictionary<string, (ContraindicationRule Rule, Severity Severity)[]> contraindications;

    private RuleIndex(RuleSet rules)
    {
        // First one wins; RuleSetJson rejects duplicates, so this only matters for rule sets built in code.
        foreach (var protocol in rules.Protocols)
            protocols.TryAdd((protocol.TreatmentCode, protocol.Indication), protocol);

        contraindications = rules.Contraindications
            .SelectMany(rule => rule.SeverityByTreatment.Select(pair => (Treatment: pair.Key, Rule: rule, Severity: pair.Value)))
            .GroupBy(entry => entry.Treatment, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(entry => (entry.Rule, entry.Severity)).ToArray(), StringComparer.Ordinal);
    }

    public static RuleIndex For(RuleSet rules) => Cache.GetValue(rules, static r => new RuleIndex(r));

    public ProtocolRule? FindProtocol(string treatmentCode, string indication) =>
        protocols.GetValueOrDefault((treatmentCode, indication));

    public IReadOnlyList<(ContraindicationRule Rule, Severity Severity)> ContraindicationsFor(string treatmentCode) =>
        contraindications.GetValueOrDefault(treatmentCode) ?? [];
}
