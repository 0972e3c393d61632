namespace Needling.ClinicalRules;

// A clinic seeded from an earlier edition of the defaults gets the rules shipped since, without losing its own
// decisions: a rule it has never changed (the same as in its first, system-seeded rule set) becomes the shipped one;
// a rule new in this edition is added; a rule the clinic changed, added or retired stays as the clinic has it.
// Without this, a clinic installed before a safety rule was written would never get it (issue 12).
public static class ShippedRulesUpgrade
{
    // Null when nothing changes; otherwise the rules as they should be, and the ids added or updated.
    public static (RuleSet Rules, IReadOnlyList<string> Added, IReadOnlyList<string> Updated)? Apply(RuleSet first, RuleSet current, RuleSet shipped)
    {
        var added = new List<string>();
        var updated = new List<string>();
        var protocols = Merge(first.Protocols, current.Protocols, shipped.Protocols, p => p.Id, p => new RuleSet(1, [p], []), added, updated);
        var contraindications = Merge(first.Contraindications, current.Contraindications, shipped.Contraindications, c => c.Id, c => new RuleSet(1, [], [c]), added, updated);
        return added.Count + updated.Count == 0 ? null : (current with { Protocols = protocols, Contraindications = contraindications }, added, updated);
    }

    private static List<T> Merge<T>(IReadOnlyList<T> first, IReadOnlyList<T> current, IReadOnlyList<T> shipped, Func<T, string> id,
        Func<T, RuleSet> alone, List<string> added, List<string> updated)
    {
        var result = current.ToList();
        foreach (var rule in shipped)
        {
            var original = first.SingleOrDefault(r => id(r) == id(rule));
            var now = current.SingleOrDefault(r => id(r) == id(rule));
            if (original is null && now is null)
            {
                result.Add(rule);
                added.Add(id(rule));
            }
            else if (original is not null && now is not null && Same(original, now, alone) && !Same(now, rule, alone))
            {
                result[result.IndexOf(now)] = rule;
                updated.Add(id(rule));
            }
        }
        return result;
    }

    private static bool Same<T>(T a, T b, Func<T, RuleSet> alone) => RuleSetJson.Serialize(alone(a)) == RuleSetJson.Serialize(alone(b));
}
