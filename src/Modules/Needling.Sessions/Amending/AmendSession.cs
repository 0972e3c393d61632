using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.ClinicalRules;
using Needling.Sessions.Data;
using Needling.Sessions.Domain;
using Needling.Sessions.History;
using Needling.Sessions.Overrides;
using Needling.Sessions.Recording;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;

namespace Needling.Sessions.Amending;

/// <summary>
/// POST /sessions/{id}/amendments: a Practitioner corrects a signed record with a written reason. The corrected
/// whole is kept beside the original, which never changes; both stay visible in the history. The correction replaces
/// the record as it stands, so If-Match names the version it was made from: one made before another amendment is 412.
/// </summary>
internal static class AmendSession
{
    internal sealed record Request(string Reason, SessionRecord Record, IReadOnlyList<OverrideInput>? Overrides = null);

    public static void Map(RouteGroupBuilder practitioner) =>
        practitioner.MapPost("/sessions/{id:guid}/amendments", Handle)
            .WithSummary("Correct a signed session with a reason: the corrected record is kept beside the original.")
            .Produces<SessionDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequiresIfMatch(StatusCodes.Status201Created);

    private static async Task<IResult> Handle(
        Guid id, Request r, HttpContext http, SessionsDbContext db, RecordChecks checks, SessionEvents events, ICurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validator()
            .Require(r.Record is not null, "record", "is required.")
            .NotBlank(r.Reason, "reason", 1000)
            .Require(r.Reason is null || r.Reason.Trim().Length >= OverridePolicy.MinimumReasonLength, "reason", $"write the reason for the correction (at least {OverridePolicy.MinimumReasonLength} characters).");
        OverrideInputs.Validate(v, r.Overrides);
        v.ThrowIfInvalid();
        var session = await SessionReader.FindForWriteAsync(db, id, ct);
        if (session.Status != SessionStatus.Signed)
        {
            throw new ConflictException("Only a signed session is amended; a session in progress is corrected by writing its record again.");
        }
        http.EnsureMatches(db, session, "session record");
        var now = clock.GetUtcNow().UtcDateTime;
        RecordChecks.Checked ok;
        try
        {
            ok = await checks.RunAsync(session, r.Record!, r.Overrides, now, ct); // checked above
            RecordValidator.EnsureComplete(ok.Record, session.TreatmentCode);
        }
        catch (RuleViolationException refused)
        {
            await events.RecordRefusalAsync(session.AppointmentId, session.Id, "amendment-refused", refused.RuleId, now, ct);
            throw;
        }
        var number = await db.Amendments.CountAsync(a => a.SessionId == session.Id, ct) + 1;
        var amendment = new SessionAmendment
        {
            SessionId = session.Id, Number = number, Reason = r.Reason!.Trim(), RecordJson = JsonSerializer.Serialize(ok.Record, SessionReader.Json),
            RuleSetVersion = ok.RuleSetVersion, By = actor.Id, AtUtc = now,
        };
        db.Amendments.Add(amendment);
        session.Revision++;
        events.AddOverrides(session.Id, "amendment", amendment.Id, ok.RuleSetVersion, ok.Overrides, now);
        events.Add(session.AppointmentId, session.Id, "amended", null, now, $"amendment {number}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Another amendment took this number a moment ago (a lost Revision race is 412 through ProblemHandler too).
            throw new PreconditionFailedException("session record");
        }
        return TypedResults.Created($"/sessions/{session.Id}", await SessionReader.LoadAsync(db, session.Id, ct));
    }
}
