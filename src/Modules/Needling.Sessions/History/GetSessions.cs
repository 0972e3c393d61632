using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.Sessions.Data;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Hosting;

namespace Needling.Sessions.History;

/// <summary>A patient's session history, newest first, and one session, each with its overrides and amendments.</summary>
internal static class GetSessions
{
    public static void Map(RouteGroupBuilder practitioner)
    {
        practitioner.MapGet("/patients/{patientId:guid}/sessions", async (Guid patientId, SessionsDbContext db, ReadAudit audit, CancellationToken ct) =>
        {
            var sessions = await SessionReader.LoadManyAsync(db, db.Sessions.Where(s => s.PatientId == patientId), ct);
            await audit.RecordAsync(db, patientId, "PatientSessions", patientId, sessions.Select(s => s.Id), ct: ct);
            return TypedResults.Ok(sessions);
        })
            .WithSummary("A patient's treatment sessions, newest first, with overrides and amendments.");

        practitioner.MapGet("/sessions/{id:guid}", async (Guid id, SessionsDbContext db, ReadAudit audit, CancellationToken ct) =>
        {
            var session = await SessionReader.LoadAsync(db, id, ct);
            await audit.RecordAsync(db, session.PatientId, "Session", id, ct: ct);
            return TypedResults.Ok(session);
        })
            .WithSummary("One session: the record as it stands, the original as signed, amendments and overrides.")
            .AnswersETag();
    }
}
