using Needling.Contracts.Protocols;
using Needling.Sessions.Domain;
using Needling.SharedKernel.Audit;

namespace Needling.Sessions.Data;

/// <summary>Writes a session's events and overrides with the change they belong to; refusals on their own.</summary>
internal sealed class SessionEvents(SessionsDbContext db, ICurrentActor actor)
{
    public void Add(Guid appointmentId, Guid? sessionId, string action, string? ruleId, DateTime now, string? detail = null) =>
        db.Events.Add(new SessionEvent
        {
            AppointmentId = appointmentId, SessionId = sessionId, Action = action, RuleId = ruleId, Actor = actor.Id, AtUtc = now,
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        });

    public void AddOverrides(Guid sessionId, string stage, Guid? amendmentId, int ruleSetVersion,
        IReadOnlyList<(EligibilityFinding Finding, string Reason)> overrides, DateTime now)
    {
        foreach (var (finding, reason) in overrides)
        {
            db.Overrides.Add(new SessionOverride
            {
                SessionId = sessionId, Stage = stage, AmendmentId = amendmentId, RuleId = finding.RuleId, RuleVersion = finding.RuleVersion,
                RuleSetVersion = ruleSetVersion, Finding = finding.Message.Length > 2000 ? finding.Message[..2000] : finding.Message,
                Reason = reason, By = actor.Id, AtUtc = now,
            });
        }
    }

    /// <summary>
    /// A refused start, record or amendment writes nothing of itself, but the attempt is kept: who, when, which
    /// rule. Whatever the refused request had staged is dropped first, so no half-written record is saved.
    /// </summary>
    public async Task RecordRefusalAsync(Guid appointmentId, Guid? sessionId, string action, string ruleId, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        Add(appointmentId, sessionId, action, ruleId, now);
        await db.SaveChangesAsync(ct);
    }
}
