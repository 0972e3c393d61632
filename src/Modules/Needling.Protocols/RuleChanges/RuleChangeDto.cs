using Needling.Protocols.Domain;

namespace Needling.Protocols.RuleChanges;

/// <summary>
/// A proposed change to a blocking rule as staff see it; <c>change</c> is the proposed rule (none for a retirement).
/// <c>version</c>, in quotes, is the ETag an approval or rejection sends as If-Match. Not an IVersionedResource: a 202
/// from a rule edit answers with this, and its ETag there must not look like the rule set's.
/// </summary>
internal sealed record RuleChangeDto(
    Guid Id, string RuleId, string Kind, string Status, IReadOnlyList<string> Reasons, string Note,
    string ProposedBy, DateTime ProposedAtUtc, string? DecidedBy, DateTime? DecidedAtUtc, string? DecisionNote,
    int? AppliedVersion, string? Change, int Version)
{
    public static RuleChangeDto From(RuleChangeProposal p) => new(
        p.Id, p.RuleId, p.Kind, p.Status, p.Reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries), p.Note,
        p.ProposedBy, p.ProposedAtUtc, p.DecidedBy, p.DecidedAtUtc, p.DecisionNote, p.AppliedVersion, p.RuleJson, p.Version);
}
