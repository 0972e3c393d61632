using Needling.SharedKernel.Audit;

namespace Needling.Sessions.Domain;

/// <summary>
/// What happened to a session, refusals included: a session refused at the start leaves no session, but this
/// row says who tried, when, and which rule refused. Names rules and ids, never patient data.
/// </summary>
internal sealed class SessionEvent : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AppointmentId { get; init; }
    public Guid? SessionId { get; init; }
    /// <summary>started, start-refused, recorded, record-refused, signed, amended.</summary>
    public string Action { get; init; } = "";
    public string? RuleId { get; init; }
    public string Actor { get; init; } = "";
    public DateTime AtUtc { get; init; }
    public string? Detail { get; init; }
}
