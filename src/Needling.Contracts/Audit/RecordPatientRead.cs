using MediatR;

namespace Needling.Contracts.Audit;

/// <summary>
/// Records that the signed-in staff member read a patient's record through a module that owns no tables (the FHIR
/// export): the Patients module, which owns the patient, keeps the row. Ids only.
/// </summary>
/// <param name="PatientId">Whose record was read.</param>
/// <param name="What">What was read, e.g. "FhirPatientEverything".</param>
/// <param name="ResourceIds">The records read, if any beyond the patient.</param>
public sealed record RecordPatientRead(Guid PatientId, string What, IReadOnlyList<Guid> ResourceIds) : IRequest<Unit>;
