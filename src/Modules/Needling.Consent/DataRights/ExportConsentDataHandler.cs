using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Consent.Data;
using Needling.Contracts.DataRights;
using Needling.SharedKernel.DataRights;

namespace Needling.Consent.DataRights;

/// <summary>Consent's part of a patient's export: every request, every signed consent with its stored PDF and the signature drawn.</summary>
internal sealed class ExportConsentDataHandler(ConsentDbContext db) : IRequestHandler<ExportConsentData, ModuleExport>
{
    public async Task<ModuleExport> Handle(ExportConsentData q, CancellationToken ct)
    {
        var requests = await db.Requests.AsNoTracking().Where(r => r.PatientId == q.PatientId).OrderBy(r => r.CreatedAtUtc).ToListAsync(ct);
        var signed = await db.Signed.AsNoTracking().Where(s => s.PatientId == q.PatientId).OrderBy(s => s.SignedAtUtc).ToListAsync(ct);
        var upcoming = await db.Upcoming.AsNoTracking().Where(u => u.PatientId == q.PatientId).OrderBy(u => u.StartUtc).ToListAsync(ct);
        var files = new List<ExportFile>();
        var consents = signed.Select(s =>
        {
            var pdf = $"consent/{s.Id}.pdf";
            var signature = $"consent/{s.Id}-signature.png";
            files.Add(new ExportFile(pdf, "application/pdf", s.Pdf));
            files.Add(new ExportFile(signature, "image/png", s.SignaturePng));
            return new
            {
                s.Id, s.RequestId, s.TreatmentCode, s.TemplateVersion, s.Language, s.TypedName, s.SignedAtUtc, s.Channel, s.IpAddress, s.UserAgent,
                s.ExpiresAtUtc, s.WithdrawnAtUtc, s.WithdrawnBy, s.WithdrawalReason, s.PdfSha256, PdfFile = pdf, SignatureFile = signature,
            };
        }).ToList();
        var audit = await ExportJson.AuditRowsAsync(db, requests.Select(r => r.Id).Concat(signed.Select(s => s.Id)), ct);
        return new ModuleExport("consent", ExportJson.Serialize(new { requests, signedConsents = consents, upcomingAppointments = upcoming, audit }), files);
    }
}
