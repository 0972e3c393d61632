using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Clinic.Data;
using Needling.Contracts.Clinic;

namespace Needling.Clinic.Integration;

internal sealed class GetClinicProfileHandler(ClinicDbContext db) : IRequestHandler<GetClinicProfile, ClinicProfile>
{
    public async Task<ClinicProfile> Handle(GetClinicProfile request, CancellationToken cancellationToken)
    {
        var clinic = await db.Clinics.AsNoTracking().SingleAsync(cancellationToken);
        return new ClinicProfile(clinic.Name, clinic.TimeZoneId);
    }
}

internal sealed class GetPractitionerHandler(ClinicDbContext db) : IRequestHandler<GetPractitioner, PractitionerInfo?>
{
    public async Task<PractitionerInfo?> Handle(GetPractitioner request, CancellationToken cancellationToken)
    {
        var p = await db.Practitioners.AsNoTracking().Include(x => x.Qualifications)
            .SingleOrDefaultAsync(x => x.Id == request.PractitionerId, cancellationToken);
        return p is null
            ? null
            : new PractitionerInfo(p.Id, p.DisplayName, p.Active, p.LicenceExpiresOn,
                p.Qualifications.Select(q => new QualificationInfo(q.Code, q.ExpiresOn)).ToList());
    }
}

internal sealed class GetTreatmentHandler(ClinicDbContext db) : IRequestHandler<GetTreatment, TreatmentInfo?>
{
    public async Task<TreatmentInfo?> Handle(GetTreatment request, CancellationToken cancellationToken)
    {
        var t = await db.Treatments.AsNoTracking().SingleOrDefaultAsync(x => x.Code == request.Code, cancellationToken);
        return t is null
            ? null
            : new TreatmentInfo(t.Code, t.Name, t.DurationMinutes, t.DeviceKind, t.RequiresRegulatoryClearance, t.HasRegulatoryClearance, t.Active);
    }
}
