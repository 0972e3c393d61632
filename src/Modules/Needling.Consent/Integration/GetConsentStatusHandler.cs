using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Consent.Data;
using Needling.Consent.Validity;
using Needling.Contracts.Consent;

namespace Needling.Consent.Integration;

internal sealed class GetConsentStatusHandler(ConsentDbContext db) : IRequestHandler<GetConsentStatus, ConsentStatus>
{
    public async Task<ConsentStatus> Handle(GetConsentStatus q, CancellationToken ct)
    {
        var latest = await db.Signed.AsNoTracking()
            .Where(s => s.PatientId == q.PatientId && s.TreatmentCode == q.TreatmentCode && s.SignedAtUtc <= q.AtUtc)
            .OrderByDescending(s => s.SignedAtUtc).FirstOrDefaultAsync(ct);
        var reconsent = await db.Templates.AsNoTracking()
            .Where(t => t.TreatmentCode == q.TreatmentCode && t.RequiresReconsent && t.PublishedAtUtc <= q.AtUtc)
            .Select(t => t.Version).Distinct().ToListAsync(ct);
        var state = ConsentValidity.StateOf(latest, reconsent, q.AtUtc);
        return new ConsentStatus(state == ConsentValidity.Valid, state, latest?.Id, latest?.TemplateVersion, latest?.ExpiresAtUtc);
    }
}
