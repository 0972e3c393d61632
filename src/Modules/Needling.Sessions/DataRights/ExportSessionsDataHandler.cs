using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Contracts.DataRights;
using Needling.Sessions.Data;
using Needling.SharedKernel.DataRights;

namespace Needling.Sessions.DataRights;

/// <summary>Sessions' part of a patient's export: each session with its record as signed, every amendment, every override and every step.</summary>
internal sealed class ExportSessionsDataHandler(SessionsDbContext db) : IRequestHandler<ExportSessionsData, ModuleExport>
{
    public async Task<ModuleExport> Handle(ExportSessionsData q, CancellationToken ct)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.PatientId == q.PatientId).OrderBy(s => s.StartedAtUtc).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var appointments = sessions.Select(s => s.AppointmentId).Concat(q.AppointmentIds).Distinct().ToList();
        var amendments = await db.Amendments.AsNoTracking().Where(a => ids.Contains(a.SessionId)).OrderBy(a => a.AtUtc).ToListAsync(ct);
        var overrides = await db.Overrides.AsNoTracking().Where(o => ids.Contains(o.SessionId)).OrderBy(o => o.AtUtc).ToListAsync(ct);
        var events = await db.Events.AsNoTracking().Where(e => appointments.Contains(e.AppointmentId) || (e.SessionId != null && ids.Contains(e.SessionId.Value)))
            .OrderBy(e => e.AtUtc).ToListAsync(ct);
        var audit = await ExportJson.AuditRowsAsync(db, ids.Concat(amendments.Select(a => a.Id)).Concat(overrides.Select(o => o.Id)).Concat(events.Select(e => e.Id)), ct);
        return new ModuleExport("sessions", ExportJson.Serialize(new
        {
            sessions = sessions.Select(s => new
            {
                s.Id, s.AppointmentId, s.PractitionerId, s.DeviceId, s.TreatmentCode, s.Indication, s.AppointmentStartUtc, s.StartedAtUtc, s.StartedBy,
                PlannedAreas = Parse(s.PlannedAreasJson), s.RuleSetVersion, s.EligibilityOutcome, s.ConsentId, s.Status, Record = Parse(s.RecordJson),
                s.RecordRuleSetVersion, s.RecordedAtUtc, s.SignedAtUtc, s.SignedBy, s.NextEligibleOn, s.Revision,
            }),
            amendments = amendments.Select(a => new { a.Id, a.SessionId, a.Number, a.Reason, Record = Parse(a.RecordJson), a.RuleSetVersion, a.By, a.AtUtc }),
            overrides, events, audit,
        }), []);
    }

    // The record is stored as JSON: exported as JSON, not as a string of escaped JSON.
    private static JsonElement? Parse(string? json) => string.IsNullOrEmpty(json) ? null : JsonDocument.Parse(json).RootElement.Clone();
}
