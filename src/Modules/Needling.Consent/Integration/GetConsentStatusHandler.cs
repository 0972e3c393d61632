using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Consent.Data;
using Needling.Consent.Validity;
using Needling.Contracts.Consent;
using Needling.SharedKernel.Caching;

namespace Needling.Consent.Integration;

internal sealed class GetConsentStatusHandler(ConsentDbContext db, ReferenceCache cache) : IRequestHandler<GetConsentStatus, ConsentStatus>
{
    /// <summary>Published template versions change only when an Admin publishes one; every booking asks.</summary>
    public const string Region = "consent.templates";

    private sealed record ReconsentVersion(int Version, DateTime PublishedAtUtc);

    public async Task<ConsentStatus> Handle(GetConsentStatus q, CancellationToken ct)
    {
        var latest = await db.Signed.AsNoTracking()
            .Where(s => s.PatientId == q.PatientId && s.TreatmentCode == q.TreatmentCode && s.SignedAtUtc <= q.AtUtc)
            .OrderByDescending(s => s.SignedAtUtc)
            // Not the entity: it carries the signed PDF and the signature image, which a status needs neither of.
            .Select(s => new ConsentValidity.Signed(s.Id, s.TemplateVersion, s.ExpiresAtUtc, s.WithdrawnAtUtc))
            .FirstOrDefaultAsync(ct);
        var published = await cache.GetAsync(Region, q.TreatmentCode, c => db.Templates.AsNoTracking()
            .Where(t => t.TreatmentCode == q.TreatmentCode && t.RequiresReconsent)
            .Select(t => new ReconsentVersion(t.Version, t.PublishedAtUtc)).ToListAsync(c), ct);
        var reconsent = published.Where(t => t.PublishedAtUtc <= q.AtUtc).Select(t => t.Version).Distinct().ToList();
        var state = ConsentValidity.StateOf(latest, reconsent, q.AtUtc);
        return new ConsentStatus(state == ConsentValidity.Valid, state, latest?.Id, latest?.TemplateVersion, latest?.ExpiresAtUtc);
    }
}
