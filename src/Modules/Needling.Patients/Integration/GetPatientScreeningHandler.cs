using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.SharedKernel.Data;
using Needling.Contracts.Patients;
using Needling.Patients.Data;
using Needling.Patients.Domain;

namespace Needling.Patients.Integration;

internal sealed class GetPatientScreeningHandler(PatientsDbContext db) : IRequestHandler<GetPatientScreening, PatientScreening?>
{
    private sealed record Current(List<ScreeningEntry> Entries);

    // One round trip, compiled once (every booking asks): the patient, to tell "unknown" from "nothing
    // recorded", with their current entries.
    private static readonly CompiledQuery<Func<PatientsDbContext, Guid, CancellationToken, Task<Current?>>> Query = new(() =>
        EF.CompileAsyncQuery((PatientsDbContext db, Guid id, CancellationToken ct) => db.Patients.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new Current(db.ScreeningEntries
                .Where(e => e.PatientId == p.Id && e.SupersededAtUtc == null && !e.Removed)
                .ToList()))
            .SingleOrDefault()));

    public async Task<PatientScreening?> Handle(GetPatientScreening request, CancellationToken cancellationToken)
    {
        var patient = await Query.For(db)(db, request.PatientId, cancellationToken);
        if (patient is null)
        {
            return null;
        }
        var current = patient.Entries;
        List<ScreeningEntry> Of(string kind) => current.Where(e => e.Kind == kind).ToList();
        var pregnancy = Of(ScreeningKinds.Pregnancy).OrderByDescending(e => e.RecordedAtUtc).FirstOrDefault();
        return new PatientScreening(
            request.PatientId,
            Of(ScreeningKinds.Condition).Select(e => new ConditionEntry(e.Code, e.Area, e.StartedOn, e.EndedOn)).ToList(),
            Of(ScreeningKinds.Medication).Select(e => new MedicationEntry(e.Name ?? e.Code, e.Code, e.StartedOn, e.EndedOn)).ToList(),
            Of(ScreeningKinds.SkinFinding).Select(e => new SkinFindingEntry(e.Code, e.Area, e.Severity, e.StartedOn ?? DateOnly.MinValue, e.EndedOn)).ToList(),
            pregnancy is null ? null : new PregnancyEntry(pregnancy.StartedOn, pregnancy.EndedOn),
            Of(ScreeningKinds.Allergy).Select(e => e.Code).ToList());
    }
}
