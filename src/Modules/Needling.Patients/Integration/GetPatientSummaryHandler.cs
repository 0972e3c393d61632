using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.SharedKernel.Data;
using Needling.Contracts.Patients;
using Needling.Patients.Data;

namespace Needling.Patients.Integration;

internal sealed class GetPatientSummaryHandler(PatientsDbContext db) : IRequestHandler<GetPatientSummary, PatientSummary?>
{
    // Compiled once: every booking asks.
    private static readonly CompiledQuery<Func<PatientsDbContext, Guid, CancellationToken, Task<PatientSummary?>>> Query = new(() =>
        EF.CompileAsyncQuery((PatientsDbContext db, Guid id, CancellationToken ct) => db.Patients.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new PatientSummary(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.PreferredLanguage, p.Email))
            .SingleOrDefault()));

    public Task<PatientSummary?> Handle(GetPatientSummary request, CancellationToken cancellationToken) =>
        Query.For(db)(db, request.PatientId, cancellationToken);
}
