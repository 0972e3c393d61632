using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.Sessions.Data;
using Needling.Sessions.Domain;
using Needling.Sessions.History;
using Needling.Sessions.Overrides;
using Needling.Sessions.Recording;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;

namespace Needling.Sessions.Starting;

/// <summary>
/// POST /sessions: the practitioner starts the session of a checked-in appointment, naming the areas to be
/// treated and overriding each warning with a written reason. Every refusal is kept as a session event.
/// </summary>
internal static class StartSession
{
    internal sealed record Request(Guid AppointmentId, IReadOnlyList<string> Areas, IReadOnlyList<OverrideInput>? Overrides = null);

    public static void Map(RouteGroupBuilder practitioner) =>
        practitioner.MapPost("/sessions", Handle)
            .WithSummary("Start the session of a checked-in appointment: consent, screening, eligibility and the practitioner are checked; warnings need overrides.")
            .Produces<SessionDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AnswersETag(StatusCodes.Status201Created);

    private static async Task<IResult> Handle(
        Request r, HttpContext http, SessionsDbContext db, StartChecks checks, SessionEvents events, ICurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        Validate(r);
        var now = clock.GetUtcNow().UtcDateTime;
        StartChecks.Passed passed;
        try
        {
            passed = await checks.RunAsync(r, SessionActor.PractitionerId(http.User), now, ct);
        }
        catch (RuleViolationException refused)
        {
            await events.RecordRefusalAsync(r.AppointmentId, null, "start-refused", refused.RuleId, now, ct);
            throw;
        }
        var a = passed.Appointment;
        var session = new TreatmentSession
        {
            AppointmentId = a.Id, PatientId = a.PatientId, PractitionerId = a.PractitionerId, DeviceId = a.DeviceId,
            TreatmentCode = a.TreatmentCode, Indication = a.Indication, AppointmentStartUtc = a.StartUtc,
            StartedAtUtc = now, StartedBy = actor.Id, PlannedAreasJson = JsonSerializer.Serialize(r.Areas.Distinct().ToList()),
            RuleSetVersion = passed.Eligibility.RuleSetVersion, EligibilityOutcome = passed.Eligibility.Outcome, ConsentId = passed.ConsentId,
        };
        db.Sessions.Add(session);
        events.AddOverrides(session.Id, "start", null, passed.Eligibility.RuleSetVersion, passed.Overrides, now);
        events.Add(session.AppointmentId, session.Id, "started", null, now,
            $"rule set {passed.Eligibility.RuleSetVersion}: {passed.Eligibility.Outcome}; {passed.Overrides.Count} override(s)");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            throw new ConflictException("A session was already started for this appointment a moment ago; continue it instead.");
        }
        return TypedResults.Created($"/sessions/{session.Id}", await SessionReader.LoadAsync(db, session.Id, ct));
    }

    private static void Validate(Request r)
    {
        var v = new Validator()
            .Require(r.Areas is { Count: > 0 and <= 30 }, "areas", "name the body areas to be treated (1 to 30 codes, GET /body-areas).");
        for (var i = 0; i < (r.Areas?.Count ?? 0); i++)
        {
            v.Require(r.Areas![i] is { } area && BodyAreas.IsKnown(area), $"areas[{i}]", "must be a body-area code (GET /body-areas).");
        }
        OverrideInputs.Validate(v, r.Overrides);
        v.ThrowIfInvalid();
    }
}
