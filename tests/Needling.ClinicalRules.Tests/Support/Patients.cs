namespace Needling.ClinicalRules.Tests.Support;

internal static class Patients
{
    // Every screening question answered "no" (or its first choice: Fitzpatrick type I), on the scenario's day, by an
    // adult: the baseline every rule test starts from, so a finding comes from the one fact the test adds.
    public static readonly PatientFacts Healthy = new([], [], [], null, [], AllNo(Scenario.Day), new DateOnly(1990, 1, 1));

    public static IReadOnlyList<AnswerFact> AllNo(DateOnly answeredOn) =>
        [.. ScreeningQuestionnaire.Default.Questions.Select(q =>
            new AnswerFact(q.Id, q.Choices.Any(c => c.Value == "no") ? "no" : q.Choices[0].Value, null, null, answeredOn))];

    // The all-"no" answers with one question answered otherwise.
    public static PatientFacts Answering(string question, string value, DateOnly? occurredOn = null, params string[] areas) =>
        Healthy with
        {
            Answers = [.. Healthy.Answers!.Where(a => a.QuestionId != question),
                new AnswerFact(question, value, occurredOn, areas.Length == 0 ? null : areas, Scenario.Day)],
        };

    public static PatientFacts Without(string question) =>
        Healthy with { Answers = [.. Healthy.Answers!.Where(a => a.QuestionId != question)] };

    public static PatientFacts With(ConditionFact condition) => Healthy with { Conditions = [condition] };

    public static PatientFacts With(MedicationFact medication) => Healthy with { Medications = [medication] };

    public static PatientFacts With(SkinFindingFact finding) => Healthy with { SkinFindings = [finding] };

    public static PatientFacts With(PregnancyFact pregnancy) => Healthy with { Pregnancy = pregnancy };
}

internal static class Practitioners
{
    public static readonly PractitionerFacts FullyQualified = new(Guid.Parse("7d1f2c8e-0000-4000-8000-000000000001"),
        [.. Codes.Qualifications.Select(code => new QualificationFact(code, null))], null);

    public static PractitionerFacts Holding(params QualificationFact[] qualifications) =>
        FullyQualified with { Qualifications = qualifications };
}
