using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Caching;
using Needling.Protocols.RuleSets;

namespace Needling.Protocols.Domain;

/// <summary>
/// One immutable version of the whole rule set, stored as the engine's JSON. An edit never changes a
/// row: it writes the next version, so any stored decision can be replayed against the rules it used.
/// </summary>
[CachedAs(RuleSetCache.Region)]
internal sealed class RuleSetRecord : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Version { get; init; }
    public DateTime CreatedAtUtc { get; init; }
    public string CreatedBy { get; init; } = "";
    public string Note { get; init; } = "";
    public string Json { get; init; } = "";
}
