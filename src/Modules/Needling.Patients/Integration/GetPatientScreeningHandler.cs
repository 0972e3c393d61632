using MediatR;
using Microsoft.Extensions.Options;
using Needling.Contracts.Patients;
using Needling.Patients.Domain;

namespace Needling.Patients.Integration;

internal sealed class GetPatientScreeningHandler(PatientReads reads, TimeProvider clock, IOptions<ScreeningOptions> options)
    : IRequestHandler<GetPatientScreening, PatientScreening?>
{
    public async Task<PatientScreening?> Handle(GetPatientScreening request, CancellationToken cancellationToken)
    {
        var loaded = await reads.ScreeningAsync(request.PatientId, cancellationToken);
        if (loaded is null)
        {
            return null;
        }
        var current = loaded.Entries;
        List<ScreeningEntry> Of(string kind) => current.Where(e => e.Kind == kind).ToList();
        var pregnancy = Of(ScreeningKinds.Pregnancy).OrderByDescending(e => e.RecordedAtUtc).FirstOrDefault();
        return new PatientScreening(
            request.PatientId,
            Of(ScreeningKinds.Condition).Select(e => new ConditionEntry(e.Code, e.Area, e.StartedOn, e.EndedOn, e.Severity)).ToList(),
            Of(ScreeningKinds.Medication).Select(e => new MedicationEntry(e.Name ?? e.Code, e.Code, e.StartedOn, e.EndedOn)).ToList(),
            Of(ScreeningKinds.SkinFinding).Select(e => new SkinFindingEntry(e.Code, e.Area, e.Severity, e.StartedOn ?? DateOnly.MinValue, e.EndedOn)).ToList(),
            pregnancy is null ? null : new PregnancyEntry(pregnancy.StartedOn, pregnancy.EndedOn),
            Of(ScreeningKinds.Allergy).Select(e => e.Code).ToList(),
            loaded.LastConfirmation,
            loaded.IsReviewDue(clock.GetUtcNow().UtcDateTime, options.Value.ReviewDays),
            loaded.Answers.Select(a => new ScreeningQuestionAnswer(a.QuestionId, a.Value, a.OccurredOn, a.AreaList, a.Detail, a.AnsweredAtUtc, a.GivenBy)).ToList(),
            loaded.Summary.DateOfBirth);
    }
}
