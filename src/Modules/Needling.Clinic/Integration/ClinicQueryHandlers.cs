using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Clinic.Data;
using Needling.Contracts.Clinic;
using Needling.SharedKernel.Caching;

namespace Needling.Clinic.Integration;

internal sealed class GetClinicProfileHandler(ClinicDbContext db, ReferenceCache cache) : IRequestHandler<GetClinicProfile, ClinicProfile>
{
    public async Task<ClinicProfile> Handle(GetClinicProfile request, CancellationToken cancellationToken) =>
        await cache.GetAsync(ClinicCache.Region, nameof(GetClinicProfile), async ct =>
        {
            var clinic = await db.Clinics.AsNoTracking().SingleAsync(ct);
            return new ClinicProfile(clinic.Name, clinic.TimeZoneId, clinic.Phone);
        }, cancellationToken);
}

internal sealed class GetPractitionerHandler(ClinicDbContext db, ReferenceCache cache) : IRequestHandler<GetPractitioner, PractitionerInfo?>
{
    public async Task<PractitionerInfo?> Handle(GetPractitioner request, CancellationToken cancellationToken) =>
        await cache.GetAsync(ClinicCache.Region, request, async ct =>
        {
            var p = await db.Practitioners.AsNoTracking().Include(x => x.Qualifications)
                .SingleOrDefaultAsync(x => x.Id == request.PractitionerId, ct);
            return p is null
                ? null
                : new PractitionerInfo(p.Id, p.DisplayName, p.Active, p.LicenceExpiresOn,
                    p.Qualifications.Select(q => new QualificationInfo(q.Code, q.ExpiresOn)).ToList(), p.ClinicalLead);
        }, cancellationToken);
}

internal sealed class GetTreatmentHandler(ClinicDbContext db, ReferenceCache cache) : IRequestHandler<GetTreatment, TreatmentInfo?>
{
    public async Task<TreatmentInfo?> Handle(GetTreatment request, CancellationToken cancellationToken) =>
        await cache.GetAsync(ClinicCache.Region, request, async ct =>
        {
            var t = await db.Treatments.AsNoTracking().SingleOrDefaultAsync(x => x.Code == request.Code, ct);
            if (t is null)
            {
                return null;
            }
            // Cleared only where the product is approved in the clinic's own jurisdiction (cached in the same region
            // as the clinic's settings, so a change of either is seen at once).
            var jurisdiction = await db.Clinics.AsNoTracking().Select(c => c.Jurisdiction).SingleAsync(ct);
            var status = t.StatusIn(jurisdiction);
            return new TreatmentInfo(t.Code, t.Name, t.DurationMinutes, t.DeviceKind, t.RequiresRegulatoryClearance, t.IsClearedIn(jurisdiction), t.Active,
                jurisdiction, status?.Status, status?.Reference);
        }, cancellationToken);
}
