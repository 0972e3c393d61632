using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Contracts.Patients;
using Needling.Patients.Data;
using Needling.Patients.Domain;

namespace Needling.Patients.Integration;

internal sealed class GetPatientScreeningHandler(PatientsDbContext db) : IRequestHandler<GetPatientScreening, PatientScreening?>
{
    public async Task<PatientScreening?> Handle(GetPatientScreening request, CancellationToken cancellationToken)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == request.PatientId, cancellationToken))
        {
            return null;
        }
        var current = await db.ScreeningEntries.AsNoTracking()
            .Where(e => e.PatientId == request.PatientId && e.SupersededAtUtc == null && !e.Removed)
            .ToListAsync(cancellationToken);
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
