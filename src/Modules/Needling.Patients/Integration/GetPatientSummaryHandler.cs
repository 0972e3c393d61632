using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Contracts.Patients;
using Needling.Patients.Data;

namespace Needling.Patients.Integration;

internal sealed class GetPatientSummaryHandler(PatientsDbContext db) : IRequestHandler<GetPatientSummary, PatientSummary?>
{
    public Task<PatientSummary?> Handle(GetPatientSummary request, CancellationToken cancellationToken) =>
        db.Patients.AsNoTracking()
            .Where(p => p.Id == request.PatientId)
            .Select(p => new PatientSummary(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.PreferredLanguage, p.Email))
            .SingleOrDefaultAsync(cancellationToken);
}
