using MediatR;
using Needling.Contracts.Sessions;
using Needling.Sessions.Data;
using Needling.Sessions.History;

namespace Needling.Sessions.Integration;

/// <summary>A patient's sessions read exactly as GET /patients/{id}/sessions reads them (the record as it stands after amendments).</summary>
internal sealed class GetPatientSessionsHandler(SessionsDbContext db) : IRequestHandler<GetPatientSessions, IReadOnlyList<PatientSession>>
{
    public async Task<IReadOnlyList<PatientSession>> Handle(GetPatientSessions q, CancellationToken ct)
    {
        var sessions = await SessionReader.LoadManyAsync(db, db.Sessions.Where(s => s.PatientId == q.PatientId), ct);
        return sessions.Reverse().Select(s =>
        {
            var record = s.Record;
            var areas = record is null
                ? s.PlannedAreas.Select(a => new SessionArea(a, null, null)).ToList()
                : record.Areas.Select(a => new SessionArea(a.Area, a.DepthMm, a.Passes)).ToList();
            return new PatientSession(
                s.Id, s.AppointmentId, s.PractitionerId, s.TreatmentCode, s.Indication, s.Status, s.StartedAtUtc, s.SignedAtUtc, s.ConsentId, areas,
                record?.Device is { } d ? new SessionDevice(d.Id, d.Name, d.Serial) : null,
                record?.SterileItem is { } item ? $"{item.Product}, lot {item.Lot}" : null,
                (record?.AdverseEvents ?? []).Select(e => new SignedAdverseEvent(e.Type, e.Severity, e.ActionTaken)).ToList(),
                s.Amendments.Count,
                s.Overrides.Select(o => new SessionOverrideRecord(o.Id, o.Stage, o.RuleId, o.RuleVersion, o.Finding, o.Reason, o.AtUtc)).ToList());
        }).ToList();
    }
}
