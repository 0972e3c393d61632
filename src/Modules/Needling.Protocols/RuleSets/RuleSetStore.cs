using Microsoft.EntityFrameworkCore;
using Needling.ClinicalRules;
using Needling.Protocols.Data;
using Needling.Protocols.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Caching;
using Needling.SharedKernel.Errors;

namespace Needling.Protocols.RuleSets;

/// <summary>
/// Reads and writes rule-set versions. Parsed versions are cached (they never change once written); which
/// version is current is kept in the reference cache, which a new version invalidates on every instance.
/// </summary>
internal sealed class RuleSetStore(ProtocolsDbContext db, RuleSetCache cache, ReferenceCache referenceCache, ICurrentActor actor, TimeProvider clock)
{
    public async Task<RuleSet> CurrentAsync(CancellationToken ct)
    {
        var version = await referenceCache.GetAsync(RuleSetCache.Region, "current", c => db.RuleSets.MaxAsync(r => (int?)r.Version, c), ct)
            ?? throw new InvalidOperationException("No rule set is loaded; the Protocols module seeds one on start.");
        return await VersionAsync(version, ct) ?? throw new InvalidOperationException($"Rule set {version} vanished.");
    }

    public async Task<RuleSet?> VersionAsync(int version, CancellationToken ct)
    {
        if (cache.TryGet(version, out var cached))
        {
            return cached;
        }
        var json = await db.RuleSets.Where(r => r.Version == version).Select(r => r.Json).SingleOrDefaultAsync(ct);
        return json is null ? null : cache.Add(version, RuleSetJson.Deserialize(json));
    }

    /// <summary>Writes <paramref name="next"/> as the next version. Two admins saving at once: one wins, the other gets 409.</summary>
    public async Task<RuleSet> SaveNextAsync(RuleSet current, Func<int, RuleSet> next, string note, CancellationToken ct)
    {
        var ruleSet = next(current.Version + 1);
        var json = Checked(ruleSet);
        db.RuleSets.Add(new RuleSetRecord
        {
            Version = ruleSet.Version,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actor.Id,
            Note = note,
            Json = json,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"Rule set version {ruleSet.Version} was saved by someone else a moment ago; reload and apply your change again.");
        }
        return cache.Add(ruleSet.Version, ruleSet);
    }

    /// <summary>The rule set as JSON, after the strict reader has accepted it; 422 naming the bad rule otherwise.</summary>
    public static string Checked(RuleSet ruleSet)
    {
        try
        {
            var json = RuleSetJson.Serialize(ruleSet);
            RuleSetJson.Deserialize(json);
            return json;
        }
        catch (FormatException ex)
        {
            throw UnprocessableInputException.For("rule", ex.Message);
        }
    }
}
