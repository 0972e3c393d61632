using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Clinic.Data;
using Needling.Contracts.Clinic;
using Needling.SharedKernel.Caching;

namespace Needling.Clinic.Integration;

internal sealed class GetClinicCalendarHandler(ClinicDbContext db, ReferenceCache cache) : IRequestHandler<GetClinicCalendar, ClinicCalendar>
{
    public async Task<ClinicCalendar> Handle(GetClinicCalendar request, CancellationToken cancellationToken) =>
        await cache.GetAsync(ClinicCache.Region, nameof(GetClinicCalendar), LoadAsync, cancellationToken);

    private async Task<ClinicCalendar> LoadAsync(CancellationToken cancellationToken)
    {
        var clinic = await db.Clinics.AsNoTracking().Include(c => c.OpeningHours).SingleAsync(cancellationToken);
        var closures = await db.Closures.AsNoTracking().Select(c => new ClosedDates(c.FromDate, c.ToDate)).ToListAsync(cancellationToken);
        return new ClinicCalendar(clinic.TimeZoneId, clinic.OpeningHours.Select(h => new OpeningPeriod(h.Day, h.Opens, h.Closes)).ToList(), closures);
    }
}

internal sealed class GetResourcesHandler(ClinicDbContext db, ReferenceCache cache) : IRequestHandler<GetResources, ClinicResources>
{
    public async Task<ClinicResources> Handle(GetResources request, CancellationToken cancellationToken) =>
        await cache.GetAsync(ClinicCache.Region, nameof(GetResources), LoadAsync, cancellationToken);

    private async Task<ClinicResources> LoadAsync(CancellationToken cancellationToken)
    {
        var practitioners = await db.Practitioners.AsNoTracking().Include(p => p.Qualifications).Where(p => p.Active).ToListAsync(cancellationToken);
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.Active).Select(r => new RoomInfo(r.Id, r.Name)).ToListAsync(cancellationToken);
        var devices = await db.Devices.AsNoTracking().Where(d => d.Active).Select(d => new DeviceInfo(d.Id, d.Name, d.Kind, d.Serial, d.MaintenanceDueOn)).ToListAsync(cancellationToken);
        return new ClinicResources(
            practitioners.Select(p => new PractitionerInfo(p.Id, p.DisplayName, p.Active, p.LicenceExpiresOn,
                p.Qualifications.Select(q => new QualificationInfo(q.Code, q.ExpiresOn)).ToList())).ToList(),
            rooms, devices);
    }
}
