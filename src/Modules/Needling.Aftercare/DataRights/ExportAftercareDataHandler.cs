using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Aftercare.Data;
using Needling.Contracts.DataRights;
using Needling.SharedKernel.DataRights;

namespace Needling.Aftercare.DataRights;

/// <summary>Aftercare's part of a patient's export: each sheet with its stored PDF, every message and its state, every follow-up with its photo.</summary>
internal sealed class ExportAftercareDataHandler(AftercareDbContext db) : IRequestHandler<ExportAftercareData, ModuleExport>
{
    public async Task<ModuleExport> Handle(ExportAftercareData q, CancellationToken ct)
    {
        var sheets = await db.Sheets.AsNoTracking().Where(s => s.PatientId == q.PatientId).OrderBy(s => s.CreatedAtUtc).ToListAsync(ct);
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.PatientId == q.PatientId).OrderBy(d => d.CreatedAtUtc).ToListAsync(ct);
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.PatientId == q.PatientId).OrderBy(f => f.DueAtUtc).ToListAsync(ct);
        var files = new List<ExportFile>();
        var sheetRows = sheets.Select(s =>
        {
            var path = $"aftercare/{s.Id}.pdf";
            files.Add(new ExportFile(path, "application/pdf", s.Pdf));
            return new { s.Id, s.SessionId, s.AppointmentId, s.PractitionerId, s.TreatmentCode, s.Language, s.PerformedAtUtc, s.CreatedAtUtc, s.PdfSha256, PdfFile = path };
        }).ToList();
        var followUpRows = followUps.Select(f =>
        {
            string? photo = null;
            if (f.Photo is { Length: > 0 })
            {
                photo = $"complications/{f.Id}{Extension(f.PhotoType)}";
                files.Add(new ExportFile(photo, f.PhotoType ?? "application/octet-stream", f.Photo));
            }
            return new
            {
                f.Id, f.SessionId, f.PractitionerId, f.TreatmentCode, f.Language, f.Day, f.PerformedAtUtc, f.DueAtUtc, f.AnsweredAtUtc, f.Answer, f.Text,
                PhotoFile = photo, f.PhotoType, f.AcknowledgedAtUtc, f.AcknowledgedBy, f.ClosedAtUtc, f.ClosedBy, f.CloseNote,
            };
        }).ToList();
        var audit = await ExportJson.AuditRowsAsync(db, sheets.Select(s => s.Id).Concat(deliveries.Select(d => d.Id)).Concat(followUps.Select(f => f.Id)), ct);
        var json = ExportJson.Serialize(new
        {
            sheets = sheetRows, deliveries, followUps = followUpRows,
            complicationReports = followUpRows.Where(f => f.Answer == "wrong").Select(f => f.Id), audit,
        });
        return new ModuleExport("aftercare", json, files);
    }

    private static string Extension(string? type) => type switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "image/heic" => ".heic",
        _ => "",
    };
}
