using System.Security.Cryptography;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Aftercare.Data;
using Needling.Contracts.Aftercare;

namespace Needling.Aftercare.Integration;

/// <summary>A patient's aftercare sheets; the SHA-1 is computed from the stored bytes because FHIR R4's Attachment.hash is SHA-1.</summary>
internal sealed class GetPatientAftercareSheetsHandler(AftercareDbContext db) : IRequestHandler<GetPatientAftercareSheets, IReadOnlyList<AftercareSheetRecord>>
{
    public async Task<IReadOnlyList<AftercareSheetRecord>> Handle(GetPatientAftercareSheets q, CancellationToken ct)
    {
        var sheets = await db.Sheets.AsNoTracking().Where(s => s.PatientId == q.PatientId).OrderBy(s => s.CreatedAtUtc).ToListAsync(ct);
        return sheets.Select(s => new AftercareSheetRecord(
            s.Id, s.SessionId, s.AppointmentId, s.PractitionerId, s.TreatmentCode, s.Language, s.CreatedAtUtc,
            $"/sessions/{s.SessionId}/aftercare/pdf", s.Pdf.LongLength, s.PdfSha256, Convert.ToBase64String(SHA1.HashData(s.Pdf)))).ToList();
    }
}
