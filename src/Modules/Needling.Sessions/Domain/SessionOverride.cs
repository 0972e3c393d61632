using Needling.SharedKernel.Audit;

namespace Needling.Sessions.Domain;

/// <summary>
/// A warning the practitioner acknowledged with a written reason (clinical-defaults.md, Contraindications: Warn =
/// allowed only with an override and a reason, kept in the audit trail): who, when, which rule, which rule set.
/// </summary>
internal sealed class SessionOverride : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SessionId { get; init; }
    /// <summary>start, record, or amendment.</summary>
    public string Stage { get; init; } = "";
    public Guid? AmendmentId { get; init; }
    public string RuleId { get; init; } = "";
    public int RuleVersion { get; init; }
    public int RuleSetVersion { get; init; }
    /// <summary>The warning as the practitioner saw it.</summary>
    public string Finding { get; init; } = "";
    public string Reason { get; init; } = "";
    public string By { get; init; } = "";
    public DateTime AtUtc { get; init; }
}
