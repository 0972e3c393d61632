using MediatR;
using Needling.Contracts.Audit;
using Needling.Patients.Data;
using Needling.SharedKernel.Audit;

namespace Needling.Patients.Integration;

/// <summary>A read served by a module without tables of its own (FHIR): kept here, with the patient it concerns.</summary>
internal sealed class RecordPatientReadHandler(PatientsDbContext db, ReadAudit audit) : IRequestHandler<RecordPatientRead, Unit>
{
    public async Task<Unit> Handle(RecordPatientRead r, CancellationToken ct)
    {
        await audit.RecordAsync(db, r.PatientId, r.What, r.PatientId, r.ResourceIds.Count > 0 ? r.ResourceIds : null, ct: ct);
        return Unit.Value;
    }
}
