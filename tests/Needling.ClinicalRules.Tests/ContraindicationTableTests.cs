using Needling.ClinicalRules.Tests.Support;

namespace Needling.ClinicalRules.Tests;

// clinical-defaults.md, "Contraindications (defaults)", restated row by row and column by column:
// each row is a patient with that one fact, each column a treatment; "-" = no finding from that rule.
public sealed class ContraindicationTableTests
{
    private static readonly DateOnly Day = Scenario.Day;

    private static readonly Dictionary<string, (string RuleId, Func<Scenario, Scenario> Arrange)> Rows = new()
    {
        ["active infection"] = ("ci.active-infection", s => s with { Patient = Patients.With(new SkinFindingFact(Codes.ActiveInfection, null, null, Day.AddDays(-2), null)) }),
        ["active cold sore"] = ("ci.active-infection", s => s with { Patient = Patients.With(new SkinFindingFact(Codes.ColdSore, null, null, Day.AddDays(-2), null)) }),
        ["inflammatory skin finding"] = ("ci.inflammatory-skin", s => s with { Patient = Patients.With(new SkinFindingFact(Codes.InflammatoryCondition, null, null, Day.AddDays(-30), null)) }),
        ["inflammatory skin condition"] = ("ci.inflammatory-skin-condition", s => s with { Patient = Patients.With(new ConditionFact(Codes.InflammatorySkinCondition, null, new DateOnly(2020, 1, 1), null)) }),
        ["severe acne"] = ("ci.severe-acne", s => s with { Patient = Patients.With(new SkinFindingFact(Codes.Acne, null, Codes.Severe, Day.AddDays(-7), null)) }),
        ["anticoagulant"] = ("ci.anticoagulant-antiplatelet", s => s with { Patient = Patients.With(new MedicationFact("warfarin", Codes.Anticoagulant, new DateOnly(2024, 1, 1), null)) }),
        ["antiplatelet"] = ("ci.anticoagulant-antiplatelet", s => s with { Patient = Patients.With(new MedicationFact("clopidogrel", Codes.Antiplatelet, null, null)) }),
        ["bleeding disorder"] = ("ci.bleeding-disorder", s => s with { Patient = Patients.With(new ConditionFact(Codes.BleedingDisorder, null, null, null)) }),
        ["isotretinoin"] = ("ci.isotretinoin-6m", s => s with { Patient = Patients.With(new MedicationFact("isotretinoin", Codes.Isotretinoin, Day.AddMonths(-8), Day.AddMonths(-2))) }),
        ["keloid history"] = ("ci.keloid-history", s => s with { Patient = Patients.With(new ConditionFact(Codes.KeloidHistory, null, null, null)) }),
        ["pregnancy, second trimester"] = ("ci.pregnancy", s => s with { Patient = Patients.With(new PregnancyFact(Day.AddDays(-20 * 7), null)) }),
        ["pregnancy, first trimester"] = ("ci.pregnancy-first-trimester", s => s with { Patient = Patients.With(new PregnancyFact(Day.AddDays(-6 * 7), null)) }),
        ["needle phobia"] = ("ci.needle-phobia", s => s with { Patient = Patients.With(new ConditionFact(Codes.NeedlePhobia, null, null, null)) }),
        ["unable to consent"] = ("ci.unable-to-consent", s => s with { Patient = Patients.With(new ConditionFact(Codes.UnableToConsent, null, null, null)) }),
        ["lymphoedema"] = ("ci.lymphoedema", s => s with { Patient = Patients.With(new ConditionFact(Codes.Lymphoedema, "left-arm", null, null)) }),
        ["product not cleared"] = ("ci.product-not-cleared", s => s with { RequiresClearance = true, HasClearance = false }),
        ["severe bleeding disorder"] = ("ci.bleeding-disorder-severe", s => s with { Patient = Patients.With(new ConditionFact(Codes.BleedingDisorder, null, null, null, Codes.Severe)) }),
        ["answers: cold sore now"] = ("ci.active-infection", s => s with { Patient = Patients.Answering("cold-sore-now", "yes", null, "face") }),
        ["answers: cold sores before"] = ("ci.cold-sore-history", s => s with { Patient = Patients.Answering("cold-sore-history", "yes", null, "face") }),
        ["answers: vitiligo spreading elsewhere"] = ("ci.vitiligo-spreading", s => s with { Patient = Patients.Answering("vitiligo", "spreading", Day.AddMonths(-2), "arm-left"), TreatedAreas = ["face"] }),
        ["answers: vitiligo spreading here"] = ("ci.vitiligo-spreading-area", s => s with { Patient = Patients.Answering("vitiligo", "spreading", Day.AddMonths(-2), "face"), TreatedAreas = ["cheeks"] }),
        ["answers: sunburn 13 days ago"] = ("ci.sunburn-tan", s => s with { Patient = Patients.Answering("sunburn-tan", "yes", Day.AddDays(-13), "face") }),
        ["answers: immunosuppression"] = ("ci.immunosuppression", s => s with { Patient = Patients.Answering("immunosuppression", "yes") }),
        ["answers: filler 13 days ago"] = ("ci.filler-botox", s => s with { Patient = Patients.Answering("filler-botox", "yes", Day.AddDays(-13), "face") }),
        ["answers: Fitzpatrick V"] = ("ci.fitzpatrick-iv-vi", s => s with { Patient = Patients.Answering("fitzpatrick", "V") }),
        ["under 18, no guardian"] = ("ci.under-18", s => s with { Patient = Patients.Healthy with { DateOfBirth = Day.AddYears(-17) } }),
        ["under 18, stem cells"] = ("ci.under-18-stem-cells", s => s with { Patient = Patients.Healthy with { DateOfBirth = Day.AddYears(-17) } }),
        ["answers: diabetes"] = ("ci.diabetes", s => s with { Patient = Patients.Answering("diabetes", "yes") }),
        ["answers: pacemaker"] = ("ci.pacemaker-electrical-stimulation", s => s with { Patient = Patients.Answering("pacemaker", "yes") }),
        ["answers: blood thinner"] = ("ci.anticoagulant-antiplatelet", s => s with { Patient = Patients.Answering("blood-thinner", "yes") }),
        ["answers: pregnant"] = ("ci.pregnancy-first-trimester", s => s with { Patient = Patients.Answering("pregnant", "yes") }),
        ["device past maintenance"] = ("device.maintenance-overdue", s => s with { Device = new DeviceFacts("SN-1", Day.AddDays(-1)) }),
    };

    //                      MN-PEN / MN-ROLLER   DRY-NEEDLING   UC-MSC
    private static readonly (string Row, string Mn, string Dn, string Uc)[] Table =
    [
        ("active infection",            "block", "block", "block"),
        ("active cold sore",            "block", "block", "block"),
        ("inflammatory skin finding",   "block", "warn",  "warn"),
        ("inflammatory skin condition", "block", "warn",  "warn"),
        ("severe acne",                 "block", "-",     "warn"),
        ("anticoagulant",               "warn",  "warn",  "warn"),
        ("antiplatelet",                "warn",  "warn",  "warn"),
        ("bleeding disorder",           "block", "warn",  "warn"),
        ("isotretinoin",                "warn",  "-",     "-"),
        ("keloid history",              "warn",  "-",     "warn"),
        ("pregnancy, second trimester", "warn",  "warn",  "block"),
        ("pregnancy, first trimester",  "-",     "block", "-"),
        ("needle phobia",               "-",     "block", "-"),
        ("unable to consent",           "block", "block", "block"),
        ("lymphoedema",                 "-",     "block", "-"),
        ("product not cleared",         "-",     "-",     "block"),
        ("severe bleeding disorder",    "block", "block", "block"),
        ("answers: cold sore now",      "block", "block", "block"),
        ("answers: cold sores before",  "warn",  "-",     "warn"),
        ("answers: vitiligo spreading elsewhere", "warn", "-", "warn"),
        ("answers: vitiligo spreading here",      "block", "-", "-"),
        ("answers: sunburn 13 days ago", "block", "-",    "block"),
        ("answers: immunosuppression",  "warn",  "warn",  "warn"),
        ("answers: filler 13 days ago", "warn",  "warn",  "warn"),
        ("answers: Fitzpatrick V",      "warn",  "-",     "-"),
        ("under 18, no guardian",       "block", "block", "-"),
        ("under 18, stem cells",        "-",     "-",     "block"),
        ("answers: diabetes",           "warn",  "warn",  "warn"),
        ("answers: pacemaker",          "-",     "block", "-"),
        ("answers: blood thinner",      "warn",  "warn",  "warn"),
        ("answers: pregnant",           "-",     "block", "-"),
        ("device past maintenance",     "block", "block", "block"),
    ];

    public static TheoryData<string, string, string> Cells()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (row, mn, dn, uc) in Table)
        {
            data.Add(row, Codes.MnPen, mn);
            data.Add(row, Codes.MnRoller, mn);
            data.Add(row, Codes.DryNeedling, dn);
            data.Add(row, Codes.UcMsc, uc);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Default_contraindication_has_the_severity_of_the_clinical_defaults_table(string row, string treatment, string expected)
    {
        var (ruleId, arrange) = Rows[row];
        var decision = arrange(Scenario.For(treatment, IndicationFor(treatment))).Decide();

        if (expected == "-")
        {
            decision.HasNo(ruleId);
            return;
        }
        var finding = decision.Single(ruleId);
        Assert.Equal(expected == "block" ? Severity.Block : Severity.Warn, finding.Severity);
        Assert.Equal(expected == "block" ? Outcome.Refused : Outcome.AllowedWithWarnings, decision.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
        Assert.False(string.IsNullOrWhiteSpace(finding.Source.Citation));
    }

    [Fact]
    public void Every_default_contraindication_rule_is_covered_by_the_table()
    {
        var covered = Rows.Values.Select(r => r.RuleId).ToHashSet();

        Assert.Equal(DefaultRuleSet.Load().Contraindications.Select(c => c.Id).Order(), covered.Order());
    }

    [Fact]
    public void Healthy_patient_has_no_contraindication_for_any_treatment()
    {
        foreach (var treatment in Codes.Treatments)
            Scenario.For(treatment, IndicationFor(treatment)).Decide().IsAllowedWithoutFindings();
    }

    private static string IndicationFor(string treatment) => treatment switch
    {
        Codes.DryNeedling => Codes.Musculoskeletal,
        Codes.UcMsc => Codes.Pigmentation,
        _ => Codes.Hyperpigmentation,
    };
}
