using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Contracts.Patients;
using Needling.Patients.Data;

namespace Needling.Patients.Integration;

internal sealed class GetPatientDemographicsHandler(PatientsDbContext db) : IRequestHandler<GetPatientDemographics, PatientDemographics?>
{
    public Task<PatientDemographics?> Handle(GetPatientDemographics q, CancellationToken ct) =>
        db.Patients.AsNoTracking()
            .Where(p => p.Id == q.PatientId)
            .Select(p => new PatientDemographics(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.PreferredLanguage, p.Phone, p.Email, p.RegisteredAtUtc))
            .SingleOrDefaultAsync(ct);
}
