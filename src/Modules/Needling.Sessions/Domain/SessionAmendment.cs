using Needling.SharedKernel.Audit;

namespace Needling.Sessions.Domain;

/// <summary>A correction of a signed record: the whole corrected record with the reason, beside the original.</summary>
internal sealed class SessionAmendment : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SessionId { get; init; }
    public int Number { get; init; }
    public string Reason { get; init; } = "";
    public string RecordJson { get; init; } = "";
    public int RuleSetVersion { get; init; }
    public string By { get; init; } = "";
    public DateTime AtUtc { get; init; }
}
