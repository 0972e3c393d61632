using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Concurrency;

namespace Needling.Protocols.Domain;

/// <summary>
/// A change that retires or weakens a blocking rule, waiting for a clinical lead other than its proposer. The change
/// itself is kept as the engine's JSON (a one-rule set; none for a retirement); approving it writes the next rule-set
/// version, in the same transaction as the decision.
/// </summary>
internal sealed class RuleChangeProposal : IAudited, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string RuleId { get; init; } = "";
    /// <summary>protocol, contraindication or retire.</summary>
    public string Kind { get; init; } = "";
    public string? RuleJson { get; init; }
    /// <summary>The rule as it stood when proposed (JSON), so an approval of a rule changed since is refused.</summary>
    public string? BaseRuleJson { get; init; }
    public string Note { get; init; } = "";
    /// <summary>Why it needs approval, one reason a line.</summary>
    public string Reasons { get; init; } = "";
    public string ProposedBy { get; init; } = "";
    public DateTime ProposedAtUtc { get; init; }
    /// <summary>pending, approved or rejected.</summary>
    public string Status { get; set; } = RuleChangeStatus.Pending;
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecisionNote { get; set; }
    public int? AppliedVersion { get; set; }
    /// <summary>Raised by the decision: a lead decides the proposal as read (If-Match), and only one decision is saved.</summary>
    public int Version { get; set; }
}

internal static class RuleChangeStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}
