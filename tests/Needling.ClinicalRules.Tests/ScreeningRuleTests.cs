using Needling.ClinicalRules.Tests.Support;

namespace Needling.ClinicalRules.Tests;

// Issue 12 items 4, 5 and 7: the screening questions, the consistent severities and the device, with their boundary days.
public sealed class ScreeningRuleTests
{
    private static readonly DateOnly Day = Scenario.Day;
    private static readonly Scenario Pen = Scenario.For(Codes.MnPen, Codes.Hyperpigmentation);
    private static readonly Scenario DryNeedling = Scenario.For(Codes.DryNeedling, Codes.Musculoskeletal);
    private static readonly Scenario StemCells = Scenario.For(Codes.UcMsc, Codes.Pigmentation);

    [Fact]
    public void Sunburn_13_days_before_the_session_blocks_microneedling_of_that_area() =>
        (Pen with { Patient = Patients.Answering("sunburn-tan", "yes", Day.AddDays(-13), "face"), TreatedAreas = ["cheeks"] })
            .Decide().IsRefusedBy("ci.sunburn-tan");

    [Fact]
    public void Sunburn_14_days_before_the_session_no_longer_blocks() =>
        (Pen with { Patient = Patients.Answering("sunburn-tan", "yes", Day.AddDays(-14), "face"), TreatedAreas = ["cheeks"] })
            .Decide().IsAllowedWithoutFindings();

    [Fact]
    public void Sunburn_on_the_back_does_not_block_a_face_treatment() =>
        (Pen with { Patient = Patients.Answering("sunburn-tan", "yes", Day.AddDays(-3), "back"), TreatedAreas = ["face"] })
            .Decide().IsAllowedWithoutFindings();

    [Fact]
    public void Sunburn_without_a_date_blocks_until_the_date_is_known() =>
        (Pen with { Patient = Patients.Answering("sunburn-tan", "yes", null, "face") }).Decide().IsRefusedBy("ci.sunburn-tan");

    [Fact]
    public void Filler_13_days_before_warns_and_14_days_before_does_not()
    {
        Assert.Equal(Severity.Warn, (Pen with { Patient = Patients.Answering("filler-botox", "yes", Day.AddDays(-13), "face") }).Decide().Single("ci.filler-botox").Severity);
        (Pen with { Patient = Patients.Answering("filler-botox", "yes", Day.AddDays(-14), "face") }).Decide().IsAllowedWithoutFindings();
    }

    [Fact]
    public void Vitiligo_that_spread_a_day_under_12_months_ago_blocks_the_affected_area_and_warns_elsewhere()
    {
        var spread = Day.AddMonths(-12).AddDays(1);
        (Pen with { Patient = Patients.Answering("vitiligo", "spreading", spread, "cheeks"), TreatedAreas = ["face"] })
            .Decide().IsRefusedBy("ci.vitiligo-spreading-area");
        var elsewhere = (Pen with { Patient = Patients.Answering("vitiligo", "spreading", spread, "arm-left"), TreatedAreas = ["face"] }).Decide();
        Assert.Equal(Outcome.AllowedWithWarnings, elsewhere.Outcome);
        Assert.Equal(Severity.Warn, elsewhere.Single("ci.vitiligo-spreading").Severity);
        elsewhere.HasNo("ci.vitiligo-spreading-area");
    }

    [Fact]
    public void Vitiligo_that_last_spread_exactly_12_months_ago_is_no_longer_active() =>
        (Pen with { Patient = Patients.Answering("vitiligo", "spreading", Day.AddMonths(-12), "face") }).Decide().IsAllowedWithoutFindings();

    [Fact]
    public void Stable_vitiligo_is_not_a_contraindication() =>
        (Pen with { Patient = Patients.Answering("vitiligo", "stable", null, "face") }).Decide().IsAllowedWithoutFindings();

    [Fact]
    public void Cold_sore_history_warns_with_an_antiviral_prophylaxis_note_for_the_face_only()
    {
        var face = (Pen with { Patient = Patients.Answering("cold-sore-history", "yes", null, "face"), TreatedAreas = ["cheeks"] }).Decide();
        Assert.Contains("antiviral", face.Single("ci.cold-sore-history").Message, StringComparison.Ordinal);
        (Pen with { Patient = Patients.Answering("cold-sore-history", "yes", null, "face"), TreatedAreas = ["back"] }).Decide().IsAllowedWithoutFindings();
    }

    [Fact]
    public void Fitzpatrick_type_III_is_allowed_and_type_IV_warns_of_pigmentation()
    {
        (Pen with { Patient = Patients.Answering("fitzpatrick", "III") }).Decide().IsAllowedWithoutFindings();
        Assert.Contains("pigmentation", (Pen with { Patient = Patients.Answering("fitzpatrick", "IV") }).Decide().Single("ci.fitzpatrick-iv-vi").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Patient_who_turns_18_on_the_session_day_needs_no_guardian() =>
        (Pen with { Patient = Patients.Healthy with { DateOfBirth = Day.AddYears(-18) } }).Decide().IsAllowedWithoutFindings();

    [Fact]
    public void Patient_who_turns_18_the_day_after_the_session_is_refused_without_a_guardians_consent() =>
        (Pen with { Patient = Patients.Healthy with { DateOfBirth = Day.AddYears(-18).AddDays(1) } }).Decide().IsRefusedBy("ci.under-18");

    [Fact]
    public void Minor_with_a_guardians_consent_may_have_microneedling_but_never_stem_cells()
    {
        var minor = Patients.Answering("guardian-consent", "yes") with { DateOfBirth = Day.AddYears(-16) };
        (Pen with { Patient = minor }).Decide().IsAllowedWithoutFindings();
        (StemCells with { Patient = minor }).Decide().IsRefusedBy("ci.under-18-stem-cells");
    }

    [Fact]
    public void Pacemaker_blocks_dry_needling_unless_the_session_is_known_to_use_no_electrical_stimulation()
    {
        (DryNeedling with { Patient = Patients.Answering("pacemaker", "yes") }).Decide().IsRefusedBy("ci.pacemaker-electrical-stimulation");
        (DryNeedling with { Patient = Patients.Answering("pacemaker", "yes"), ElectricalStimulation = false }).Decide().IsAllowedWithoutFindings();
    }

    [Fact]
    public void Unanswered_sunburn_question_makes_microneedling_screening_incomplete_not_allowed()
    {
        var decision = (Pen with { Patient = Patients.Without("sunburn-tan") }).Decide();

        Assert.Equal(Outcome.ScreeningIncomplete, decision.Outcome);
        var finding = decision.Single("screening.incomplete");
        Assert.Contains("Screening incomplete", finding.Message, StringComparison.Ordinal);
        Assert.Contains("sunburn-tan", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unanswered_question_that_can_only_warn_is_a_warning_to_ask_it()
    {
        var decision = (Pen with { Patient = Patients.Without("diabetes") }).Decide();

        Assert.Equal(Outcome.AllowedWithWarnings, decision.Outcome);
        Assert.Contains("diabetes", decision.Single("screening.unanswered").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unanswered_question_that_does_not_concern_the_treatment_changes_nothing() =>
        (Pen with { Patient = Patients.Without("pacemaker") }).Decide().IsAllowedWithoutFindings();

    [Fact]
    public void No_screening_at_all_is_never_allowed()
    {
        foreach (var s in new[] { Pen, DryNeedling, StemCells })
        {
            var decision = (s with { Patient = Patients.Healthy with { Answers = null } }).Decide();
            Assert.Equal(Outcome.ScreeningIncomplete, decision.Outcome);
            decision.Single("screening.incomplete");
        }
    }

    [Fact]
    public void A_known_block_refuses_even_when_the_screening_is_incomplete()
    {
        var patient = Patients.With(new SkinFindingFact(Codes.ActiveInfection, null, null, Day.AddDays(-1), null)) with { Answers = null };
        Assert.Equal(Outcome.Refused, (Pen with { Patient = patient }).Decide().Outcome);
    }

    [Theory]
    [InlineData("Xarelto 20 mg")]
    [InlineData("baby ASPIRIN daily")]
    [InlineData("イグザレルト")]
    [InlineData("แอสไพริน 81")]
    public void Blood_thinner_typed_as_other_counts_as_its_class(string name) =>
        Assert.Equal(Severity.Warn, (Pen with { Patient = Patients.With(new MedicationFact(name, "other", null, null)) })
            .Decide().Single("ci.anticoagulant-antiplatelet").Severity);

    [Fact]
    public void Unlisted_medicine_given_as_a_blood_thinner_counts_as_the_class() =>
        (Pen with { Patient = Patients.Answering("blood-thinner", "yes") with { } }).Decide().Single("ci.anticoagulant-antiplatelet");

    [Fact]
    public void Other_medicine_that_is_not_a_blood_thinner_is_not_flagged() =>
        (Pen with { Patient = Patients.With(new MedicationFact("vitamin D", "other", null, null)) }).Decide().IsAllowedWithoutFindings();

    [Fact]
    public void Unable_to_give_consent_blocks_every_treatment()
    {
        foreach (var s in new[] { Pen, DryNeedling, StemCells, Scenario.For(Codes.MnRoller, Codes.Hyperpigmentation) })
            (s with { Patient = Patients.With(new ConditionFact(Codes.UnableToConsent, null, null, null)) }).Decide().IsRefusedBy("ci.unable-to-consent");
    }

    [Fact]
    public void Bleeding_disorder_marked_severe_blocks_dry_needling_and_an_ungraded_one_only_warns()
    {
        (DryNeedling with { Patient = Patients.With(new ConditionFact(Codes.BleedingDisorder, null, null, null, Codes.Severe)) })
            .Decide().IsRefusedBy("ci.bleeding-disorder-severe");
        var ungraded = (DryNeedling with { Patient = Patients.With(new ConditionFact(Codes.BleedingDisorder, null, null, null)) }).Decide();
        Assert.Equal(Outcome.AllowedWithWarnings, ungraded.Outcome);
        ungraded.HasNo("ci.bleeding-disorder-severe");
    }

    [Fact]
    public void Dry_needling_in_week_13_of_pregnancy_is_blocked_and_in_week_14_only_warns()
    {
        (DryNeedling with { Patient = Patients.With(new PregnancyFact(Day.AddDays(-(13 * 7 + 6)), null)) }).Decide().IsRefusedBy("ci.pregnancy-first-trimester");
        var second = (DryNeedling with { Patient = Patients.With(new PregnancyFact(Day.AddDays(-14 * 7), null)) }).Decide();
        Assert.Equal(Outcome.AllowedWithWarnings, second.Outcome);
        Assert.Equal(Severity.Warn, second.Single("ci.pregnancy").Severity);
    }

    [Fact]
    public void Device_due_for_maintenance_on_the_session_day_may_be_used() =>
        (Pen with { Device = new DeviceFacts("SN-1", Day) }).Decide().IsAllowedWithoutFindings();

    [Fact]
    public void Device_past_its_maintenance_date_by_one_day_is_refused() =>
        (Pen with { Device = new DeviceFacts("SN-1", Day.AddDays(-1)) }).Decide().IsRefusedBy("device.maintenance-overdue");

    [Fact]
    public void Pen_session_on_the_face_13_days_before_blocks_a_roller_session_on_the_cheeks()
    {
        var roller = Scenario.For(Codes.MnRoller, Codes.Hyperpigmentation) with { TreatedAreas = ["cheeks"] };
        var s = roller with { History = [new SessionFact(Clinic.Utc(Clinic.London, Day.AddDays(-13), 10), Codes.MnPen, Codes.Hyperpigmentation, SessionKind.Completed, ["face"])] };
        s.Decide().IsRefusedBy("proto.mn-roller.hyperpigmentation");
        var at14 = roller with { History = [new SessionFact(Clinic.Utc(Clinic.London, Day.AddDays(-14), 10), Codes.MnPen, Codes.Hyperpigmentation, SessionKind.Completed, ["face"])] };
        at14.Decide().IsAllowedWithoutFindings();
    }

    [Fact]
    public void Needling_on_the_back_does_not_count_toward_the_interval_of_a_face_treatment()
    {
        var roller = Scenario.For(Codes.MnRoller, Codes.Hyperpigmentation) with { TreatedAreas = ["face"] };
        (roller with { History = [new SessionFact(Clinic.Utc(Clinic.London, Day.AddDays(-3), 10), Codes.MnPen, Codes.AcneScars, SessionKind.Completed, ["back"])] })
            .Decide().IsAllowedWithoutFindings();
        // Areas unknown on either side: it counts, the cautious reading.
        (roller with { TreatedAreas = null, History = [new SessionFact(Clinic.Utc(Clinic.London, Day.AddDays(-3), 10), Codes.MnPen, Codes.AcneScars, SessionKind.Completed, ["back"])] })
            .Decide().IsRefusedBy("proto.mn-roller.hyperpigmentation");
    }

    [Fact]
    public void Finding_with_weak_evidence_carries_a_plain_note_and_a_guideline_finding_does_not()
    {
        var decision = (Pen with { Patient = Patients.Answering("sunburn-tan", "yes", Day, "face") with { DateOfBirth = Day.AddYears(-17) } }).Decide();
        Assert.Contains("Weak evidence", decision.Single("ci.sunburn-tan").EvidenceNote, StringComparison.Ordinal);   // level C
        Assert.Contains("clinic policy", decision.Single("ci.under-18").EvidenceNote, StringComparison.Ordinal);     // level P
        Assert.Null((Pen with { Patient = Patients.Answering("fitzpatrick", "V") }).Decide().Single("ci.fitzpatrick-iv-vi").EvidenceNote); // level B
    }

    [Fact]
    public void Every_question_a_rule_asks_is_in_the_questionnaire_in_three_languages()
    {
        foreach (var q in ScreeningQuestionnaire.Default.Questions)
        {
            Assert.Equal(["en", "ja", "th"], q.Text.Keys.Order());
            Assert.All(q.Choices, c => Assert.Equal(["en", "ja", "th"], c.Text.Keys.Order()));
        }
        foreach (var rule in DefaultRuleSet.Load().Contraindications.Where(r => r.Match.Question is not null))
            Assert.NotNull(ScreeningQuestionnaire.Default.Find(rule.Match.Question!));
    }

    [Fact]
    public void No_rule_tells_the_clinic_to_clean_a_roller_with_alcohol() =>
        Assert.DoesNotContain("alcohol", DefaultRuleSet.ReadJson(), StringComparison.OrdinalIgnoreCase);
}
