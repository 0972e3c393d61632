using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.Sessions.Data;
using Needling.Sessions.Domain;
using Needling.Sessions.History;
using Needling.Sessions.Overrides;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;

namespace Needling.Sessions.Recording;

/// <summary>
/// PUT /sessions/{id}/record: the treating practitioner writes (or rewrites) the record of a session in progress.
/// Once signed it is locked: a correction is an amendment. If-Match names the version written over (the start's or
/// the last write's ETag), so that a record kept open on a second device cannot silently replace a newer one.
/// </summary>
internal static class SaveRecord
{
    internal sealed record Request(SessionRecord Record, IReadOnlyList<OverrideInput>? Overrides = null);

    public static void Map(RouteGroupBuilder practitioner) =>
        practitioner.MapPut("/sessions/{id:guid}/record", Handle)
            .WithSummary("Write the structured record of a session in progress; depth and passes are checked against the protocol.")
            .Produces<SessionDto>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequiresIfMatch();

    private static async Task<IResult> Handle(
        Guid id, Request r, HttpContext http, SessionsDbContext db, RecordChecks checks, SessionEvents events, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validator().Require(r.Record is not null, "record", "is required.");
        OverrideInputs.Validate(v, r.Overrides);
        v.ThrowIfInvalid();
        var session = await SessionReader.FindForWriteAsync(db, id, ct);
        if (session.Status == SessionStatus.Signed)
        {
            throw new ConflictException("This session is signed and locked: correct it with an amendment (POST /sessions/{id}/amendments) and a reason.");
        }
        SessionReader.EnsureTreatingPractitioner(session, http.User);
        http.EnsureMatches(db, session, "session record");
        var now = clock.GetUtcNow().UtcDateTime;
        RecordChecks.Checked ok;
        try
        {
            ok = await checks.RunAsync(session, r.Record!, r.Overrides, now, ct); // checked above
        }
        catch (RuleViolationException refused)
        {
            await events.RecordRefusalAsync(session.AppointmentId, session.Id, "record-refused", refused.RuleId, now, ct);
            throw;
        }
        // Overrides of an earlier write stay on file (they were given); the history shows each with its time.
        session.RecordJson = JsonSerializer.Serialize(ok.Record, SessionReader.Json);
        session.RecordRuleSetVersion = ok.RuleSetVersion;
        session.RecordedAtUtc = now;
        session.Revision++;
        events.AddOverrides(session.Id, "record", null, ok.RuleSetVersion, ok.Overrides, now);
        events.Add(session.AppointmentId, session.Id, "recorded", null, now, $"rule set {ok.RuleSetVersion}; {ok.Overrides.Count} override(s)");
        await db.SaveChangesAsync(ct); // Revision is compared in the UPDATE: a write racing this one is 412 (ProblemHandler)
        return TypedResults.Ok(await SessionReader.LoadAsync(db, session.Id, ct));
    }
}
