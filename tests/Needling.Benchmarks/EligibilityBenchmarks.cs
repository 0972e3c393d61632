using BenchmarkDotNet.Attributes;
using Needling.ClinicalRules;

namespace Needling.Benchmarks;

// One eligibility decision over the default rule set for a patient with 50 past sessions and 20 screening
// entries (conditions, medications, skin findings). Goal: under 100 µs (docs/benchmarks.md).
[MemoryDiagnoser]
public class EligibilityBenchmarks
{
    private EligibilityInput input = null!;

    [GlobalSetup]
    public void Setup()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var today = new DateOnly(2025, 6, 16);
        string[] treatments = [Codes.MnPen, Codes.MnRoller, Codes.DryNeedling];
        string[] indications = [Codes.Hyperpigmentation, Codes.AcneScars, Codes.Musculoskeletal];

        // 50 completed sessions, one every 3 weeks going back ~3 years, the latest 21 days ago.
        var history = Enumerable.Range(1, 50)
            .Select(i => new SessionFact(
                TimeZoneInfo.ConvertTimeToUtc(today.AddDays(-21 * i).ToDateTime(new TimeOnly(10, 0)), zone),
                treatments[i % 3], indications[i % 3], SessionKind.Completed))
            .ToList();

        // 20 screening entries, mostly resolved or stopped, two still current (both warnings).
        var conditions = new List<ConditionFact>
        {
            new(Codes.KeloidHistory, null, new DateOnly(2010, 1, 1), null),
            new(Codes.InflammatorySkinCondition, Codes.Chin, new DateOnly(2019, 3, 1), new DateOnly(2020, 1, 1)),
            new(Codes.Lymphoedema, "left-arm", new DateOnly(2018, 5, 1), null),
            new("hypertension", null, new DateOnly(2015, 1, 1), null),
            new("asthma", null, new DateOnly(2001, 1, 1), null),
            new(Codes.BleedingDisorder, null, new DateOnly(2012, 1, 1), new DateOnly(2013, 1, 1)),
        };
        var medications = new List<MedicationFact>
        {
            new("aspirin 75 mg", Codes.Antiplatelet, new DateOnly(2024, 1, 1), null),
            new("isotretinoin", Codes.Isotretinoin, new DateOnly(2023, 1, 1), new DateOnly(2023, 7, 1)),
            new("warfarin", Codes.Anticoagulant, new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1)),
            new("ramipril", "ace-inhibitor", new DateOnly(2015, 1, 1), null),
            new("salbutamol", "bronchodilator", new DateOnly(2001, 1, 1), null),
            new("cetirizine", "antihistamine", new DateOnly(2022, 4, 1), new DateOnly(2022, 9, 1)),
            new("doxycycline", "antibiotic", new DateOnly(2023, 2, 1), new DateOnly(2023, 3, 1)),
        };
        var skinFindings = new List<SkinFindingFact>
        {
            new(Codes.Acne, Codes.Cheeks, Codes.Mild, new DateOnly(2025, 5, 1), null),
            new(Codes.Acne, Codes.Chin, Codes.Severe, new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 1)),
            new(Codes.ColdSore, Codes.UpperLip, null, new DateOnly(2024, 8, 1), new DateOnly(2024, 8, 12)),
            new(Codes.ActiveInfection, Codes.Forehead, null, new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 20)),
            new(Codes.InflammatoryCondition, Codes.Nose, null, new DateOnly(2022, 1, 1), new DateOnly(2022, 3, 1)),
            new(Codes.Acne, Codes.Forehead, Codes.Moderate, new DateOnly(2024, 10, 1), new DateOnly(2025, 1, 1)),
            new(Codes.ColdSore, Codes.UpperLip, null, new DateOnly(2025, 1, 3), new DateOnly(2025, 1, 14)),
        };
        // Every screening question answered "no" (or its first choice): unanswered ones would make it "screening incomplete".
        var answers = ScreeningQuestionnaire.Default.Questions
            .Select(q => new AnswerFact(q.Id, q.Choices.Any(c => c.Value == "no") ? "no" : q.Choices[0].Value, null, null, today.AddDays(-3))).ToList();
        var patient = new PatientFacts(conditions, medications, skinFindings, null, ["latex"], answers, new DateOnly(1985, 6, 1));

        var practitioner = new PractitionerFacts(Guid.NewGuid(),
            [new QualificationFact(Codes.MicroneedlingDeviceTraining, new DateOnly(2026, 12, 31)), new QualificationFact(Codes.Physician, null)],
            new DateOnly(2027, 3, 31));

        input = new EligibilityInput(DefaultRuleSet.Load(), new TreatmentFacts(Codes.MnPen, false, false), Codes.Hyperpigmentation,
            TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(new TimeOnly(10, 0)), zone), zone, patient, practitioner, history,
            [Codes.Cheeks, Codes.Forehead]);

        // The scenario must exercise the rules, not fall through on an unknown protocol.
        var decision = EligibilityEngine.Evaluate(input);
        if (decision.Outcome != Outcome.AllowedWithWarnings || decision.Findings.Count != 2)
            throw new InvalidOperationException($"Unexpected benchmark scenario: {decision.Outcome}, {decision.Findings.Count} findings.");
    }

    [Benchmark]
    public EligibilityDecision EligibilityDecision() => EligibilityEngine.Evaluate(input);
}
