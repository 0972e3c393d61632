using System.Security.Cryptography;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Consent.Data;
using Needling.Consent.Validity;
using Needling.Contracts.Consent;

namespace Needling.Consent.Integration;

/// <summary>
/// A patient's signed consents with their PDFs' hashes. The SHA-1 is computed here, from the stored bytes, because
/// FHIR R4 defines Attachment.hash as SHA-1; the SHA-256 stored at signing stays the one the API's headers carry.
/// </summary>
internal sealed class GetPatientConsentsHandler(ConsentDbContext db, TimeProvider clock) : IRequestHandler<GetPatientConsents, IReadOnlyList<SignedConsentRecord>>
{
    public async Task<IReadOnlyList<SignedConsentRecord>> Handle(GetPatientConsents q, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var signed = await db.Signed.AsNoTracking().Where(s => s.PatientId == q.PatientId).OrderBy(s => s.SignedAtUtc)
            .Select(s => new { s.Id, s.RequestId, s.TreatmentCode, s.TemplateVersion, s.Language, s.SignedAtUtc, s.ExpiresAtUtc, s.WithdrawnAtUtc, s.Channel, s.Pdf, s.PdfSha256 })
            .ToListAsync(ct);
        if (signed.Count == 0)
        {
            return [];
        }
        var requestIds = signed.Select(s => s.RequestId).ToList();
        var appointments = await db.Requests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.AppointmentId, ct);
        var treatments = signed.Select(s => s.TreatmentCode).Distinct().ToList();
        var reconsent = (await db.Templates.AsNoTracking()
                .Where(t => treatments.Contains(t.TreatmentCode) && t.RequiresReconsent)
                .Select(t => new { t.TreatmentCode, t.Version, t.PublishedAtUtc }).ToListAsync(ct))
            .Where(t => t.PublishedAtUtc <= now).ToLookup(t => t.TreatmentCode, t => t.Version);
        var latest = signed.GroupBy(s => s.TreatmentCode).ToDictionary(g => g.Key, g => g.MaxBy(s => s.SignedAtUtc)!.Id);
        return signed.Select(s =>
        {
            // The newest consent to a treatment is judged as sessions judge it; an older one was replaced by it.
            var state = latest[s.TreatmentCode] == s.Id
                ? ConsentValidity.StateOf(new ConsentValidity.Signed(s.Id, s.TemplateVersion, s.ExpiresAtUtc, s.WithdrawnAtUtc), reconsent[s.TreatmentCode], now)
                : s.WithdrawnAtUtc is not null ? ConsentValidity.Withdrawn : ConsentValidity.Superseded;
            return new SignedConsentRecord(s.Id, s.RequestId, appointments.GetValueOrDefault(s.RequestId), s.TreatmentCode, s.TemplateVersion, s.Language,
                s.SignedAtUtc, s.ExpiresAtUtc, s.WithdrawnAtUtc, state, s.Channel, $"/consent/signed/{s.Id}/pdf", s.Pdf.LongLength, s.PdfSha256,
                Convert.ToBase64String(SHA1.HashData(s.Pdf)));
        }).ToList();
    }
}
