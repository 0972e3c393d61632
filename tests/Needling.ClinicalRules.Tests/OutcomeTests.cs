using Needling.ClinicalRules.Tests.Support;

namespace Needling.ClinicalRules.Tests;

public sealed class OutcomeTests
{
    [Theory]
    [InlineData(Codes.MnPen, Codes.Musculoskeletal)]
    [InlineData(Codes.DryNeedling, Codes.Hyperpigmentation)]
    [InlineData(Codes.MnPen, Codes.IdiopathicGuttateHypomelanosis)] // guttate hypomelanosis is a roller protocol
    [InlineData("LASER", Codes.Hyperpigmentation)]
    public void Treatment_without_a_protocol_for_the_indication_is_refused(string treatment, string indication)
    {
        var decision = Scenario.For(treatment, indication).Decide();

        decision.IsRefusedBy("protocol.unknown");
        Assert.Null(decision.EarliestAllowedOn);
    }

    [Fact]
    public void Unknown_protocol_still_reports_the_contraindications()
    {
        var decision = (Scenario.For(Codes.MnPen, Codes.Musculoskeletal) with
        {
            Patient = Patients.With(new ConditionFact(Codes.BleedingDisorder, null, null, null)),
        }).Decide();

        Assert.Equal(["ci.bleeding-disorder", "protocol.unknown"], decision.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Healthy_patient_with_a_qualified_practitioner_is_allowed_under_rule_set_version_1()
    {
        var decision = new Scenario().Decide();

        decision.IsAllowedWithoutFindings();
        Assert.Equal(1, decision.RuleSetVersion);
    }

    [Fact]
    public void Warnings_alone_allow_the_session_with_warnings()
    {
        var decision = (new Scenario { Patient = Patients.With(new ConditionFact(Codes.KeloidHistory, null, null, null)) }).Decide();

        Assert.Equal(Outcome.AllowedWithWarnings, decision.Outcome);
    }

    [Fact]
    public void Findings_list_blocks_first_then_by_rule_id()
    {
        var patient = Patients.Healthy with
        {
            Conditions = [new ConditionFact(Codes.KeloidHistory, null, null, null), new ConditionFact(Codes.BleedingDisorder, null, null, null)],
            Medications = [new MedicationFact("warfarin", Codes.Anticoagulant, null, null)],
            SkinFindings = [new SkinFindingFact(Codes.ColdSore, Codes.UpperLip, null, Scenario.Day, null)],
        };
        var scenario = new Scenario { Patient = patient, Practitioner = Practitioners.FullyQualified with { LicenceExpiresOn = Scenario.Day.AddDays(-1) } };

        var decision = scenario.Decide();

        Assert.Equal(Outcome.Refused, decision.Outcome);
        Assert.Equal(
            ["ci.active-infection", "ci.bleeding-disorder", "practitioner.licence", "ci.anticoagulant-antiplatelet", "ci.keloid-history"],
            decision.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Decision_carries_the_rule_set_version_and_each_rule_version_and_source()
    {
        var rules = DefaultRuleSet.Load();
        var keloid = rules.Contraindications.Single(c => c.Id == "ci.keloid-history") with { Version = 3 };
        var custom = rules with { Version = 7, Contraindications = [keloid] };

        var decision = new Scenario { Rules = custom, Patient = Patients.With(new ConditionFact(Codes.KeloidHistory, null, null, null)) }.Decide();

        Assert.Equal(7, decision.RuleSetVersion);
        var finding = decision.Single("ci.keloid-history");
        Assert.Equal(3, finding.RuleVersion);
        Assert.Equal(keloid.Source, finding.Source);
        Assert.Equal(keloid.Message, finding.Message);
    }

    [Fact]
    public void A_clinic_rule_set_with_a_longer_interval_is_applied()
    {
        var rules = DefaultRuleSet.Load();
        var longer = rules with
        {
            Version = 2,
            Protocols = [.. rules.Protocols.Select(p => p.Id == "proto.mn-pen.hyperpigmentation" ? p with { MinIntervalDays = 30, Version = 2 } : p)],
        };
        var scenario = new Scenario { Rules = longer }.At(Clinic.London, new DateOnly(2025, 5, 1), 10)
            .WithSession(SessionKind.Completed, new DateOnly(2025, 4, 10), 10);

        var decision = scenario.Decide();

        decision.IsRefusedBy("proto.mn-pen.hyperpigmentation");
        Assert.Equal(2, decision.Single("proto.mn-pen.hyperpigmentation").RuleVersion);
        Assert.Equal(new DateOnly(2025, 5, 10), decision.EarliestAllowedOn);
    }
}
