using Microsoft.EntityFrameworkCore;
using Needling.ClinicalRules;
using Needling.Protocols.Data;
using Needling.Protocols.Domain;
using Needling.SharedKernel.Modules;

namespace Needling.Protocols.Seed;

/// <summary>
/// A new clinic starts from the defaults in shared/clinical-defaults.md as rule-set version 1. A clinic seeded from an
/// earlier edition gets the rules shipped since as its next version (<see cref="ShippedRulesUpgrade"/>), its own
/// changes kept; the version's note lists what changed, for the clinical lead to read.
/// </summary>
internal sealed class ProtocolsInitializer(ProtocolsDbContext db, TimeProvider clock) : ModuleInitializer<ProtocolsDbContext>(db)
{
    public override int Order => 0;

    public override async Task SeedAsync(bool demo, CancellationToken ct)
    {
        var defaults = DefaultRuleSet.Load();
        if (await Db.RuleSets.AnyAsync(ct))
        {
            await UpgradeAsync(defaults, ct);
            return;
        }
        Db.RuleSets.Add(new RuleSetRecord
        {
            Version = defaults.Version,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = "system",
            Note = "Clinical defaults (docs: shared/clinical-defaults.md).",
            Json = RuleSetJson.Serialize(defaults),
        });
        await Db.SaveChangesAsync(ct);
    }

    private async Task UpgradeAsync(RuleSet shipped, CancellationToken ct)
    {
        // Only the first version (what was installed) and the newest are read: start-up need not load the history.
        var first = await Db.RuleSets.AsNoTracking().OrderBy(r => r.Version).FirstAsync(ct);
        if (first.CreatedBy != "system")
        {
            return; // not seeded by us: nothing to compare against
        }
        var newest = await Db.RuleSets.AsNoTracking().OrderByDescending(r => r.Version).FirstAsync(ct);
        var current = RuleSetJson.Deserialize(newest.Json);
        if (ShippedRulesUpgrade.Apply(RuleSetJson.Deserialize(first.Json), current, shipped) is not { } upgrade)
        {
            return;
        }
        var next = upgrade.Rules with { Version = current.Version + 1 };
        Db.RuleSets.Add(new RuleSetRecord
        {
            Version = next.Version,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = "system",
            Note = $"Clinical defaults updated on upgrade. Added: {List(upgrade.Added)}. Updated (unchanged by the clinic since installation): {List(upgrade.Updated)}.",
            Json = RuleSetJson.Serialize(next),
        });
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment wrote this version first; its upgrade is the same.
        }
    }

    private static string List(IReadOnlyList<string> ids) => ids.Count == 0 ? "none" : string.Join(", ", ids);
}
