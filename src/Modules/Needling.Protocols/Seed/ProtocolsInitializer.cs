using Microsoft.EntityFrameworkCore;
using Needling.ClinicalRules;
using Needling.Protocols.Data;
using Needling.Protocols.Domain;
using Needling.SharedKernel.Modules;

namespace Needling.Protocols.Seed;

/// <summary>A new clinic starts from the defaults in shared/clinical-defaults.md as rule-set version 1.</summary>
internal sealed class ProtocolsInitializer(ProtocolsDbContext db, TimeProvider clock) : ModuleInitializer<ProtocolsDbContext>(db)
{
    public override int Order => 0;

    public override async Task SeedAsync(bool demo, CancellationToken ct)
    {
        if (await Db.RuleSets.AnyAsync(ct))
        {
            return;
        }
        var defaults = DefaultRuleSet.Load();
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
}
