using System.Collections.Concurrent;
using Needling.ClinicalRules;

namespace Needling.Protocols.RuleSets;

/// <summary>Parsed rule sets by version. Versions are immutable, so entries never go stale.</summary>
internal sealed class RuleSetCache
{
    /// <summary>The <see cref="SharedKernel.Caching.ReferenceCache"/> region holding which version is current; a new version invalidates it.</summary>
    public const string Region = "protocols.rules";

    private readonly ConcurrentDictionary<int, RuleSet> _byVersion = new();

    public bool TryGet(int version, out RuleSet ruleSet) => _byVersion.TryGetValue(version, out ruleSet!);

    public RuleSet Add(int version, RuleSet ruleSet) => _byVersion.GetOrAdd(version, ruleSet);
}
