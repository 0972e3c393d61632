namespace Needling.ClinicalRules.Tests.Support;

internal static class Patients
{
    public static readonly PatientFacts Healthy = new([], [], [], null, []);

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
