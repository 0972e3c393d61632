using Needling.ClinicalRules;
using Needling.Contracts.Clinic;
using Needling.Contracts.Patients;

namespace Needling.Protocols.Eligibility;

internal static class FactsMapper
{
    public static PatientFacts Patient(PatientScreening s) => new(
        s.Conditions.Select(c => new ConditionFact(c.Code, c.Area, c.OnsetOn, c.ResolvedOn, c.Severity)).ToList(),
        s.Medications.Select(m => new MedicationFact(m.Name, m.ClassCode, m.StartedOn, m.StoppedOn)).ToList(),
        s.SkinFindings.Select(f => new SkinFindingFact(f.Code, f.Area, f.Severity, f.ObservedOn, f.ResolvedOn)).ToList(),
        s.Pregnancy is null ? null : new PregnancyFact(s.Pregnancy.LastMenstrualPeriodOn, s.Pregnancy.EndedOn),
        s.Allergies,
        // The day the answer was recorded, as a UTC date: it only orders answers to the same question.
        s.Answers?.Select(a => new AnswerFact(a.QuestionId, a.Value, a.OccurredOn, a.Areas, DateOnly.FromDateTime(a.AnsweredAtUtc), a.Detail)).ToList(),
        s.DateOfBirth);

    public static PractitionerFacts Practitioner(PractitionerInfo p) => new(
        p.Id, p.Qualifications.Select(q => new QualificationFact(q.Code, q.ExpiresOn)).ToList(), p.LicenceExpiresOn);
}
