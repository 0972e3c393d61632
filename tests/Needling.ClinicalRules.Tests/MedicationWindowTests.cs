using Needling.ClinicalRules.Tests.Support;

namespace Needling.ClinicalRules.Tests;

// Isotretinoin "in the last 6 months" (clinical-defaults.md, B): the window is (date - 6 months, date].
public sealed class MedicationWindowTests
{
    private static readonly DateOnly Day = new(2025, 9, 15);
    private const string Isotretinoin = "ci.isotretinoin-6m";

    [Fact]
    public void Isotretinoin_stopped_exactly_six_months_ago_no_longer_warns()
    {
        Decide(Day, stoppedOn: new DateOnly(2025, 3, 15)).IsAllowedWithoutFindings();
    }

    [Fact]
    public void Isotretinoin_stopped_one_day_less_than_six_months_ago_warns()
    {
        var decision = Decide(Day, stoppedOn: new DateOnly(2025, 3, 16));

        Assert.Equal(Severity.Warn, decision.Single(Isotretinoin).Severity);
        Assert.Equal(Outcome.AllowedWithWarnings, decision.Outcome);
    }

    [Fact]
    public void Isotretinoin_still_being_taken_warns()
    {
        Assert.Equal(Severity.Warn, Decide(Day, stoppedOn: null).Single(Isotretinoin).Severity);
    }

    [Fact]
    public void Six_months_before_the_31st_of_August_is_the_end_of_February()
    {
        Decide(new DateOnly(2025, 8, 31), stoppedOn: new DateOnly(2025, 2, 28)).IsAllowedWithoutFindings();
        Decide(new DateOnly(2025, 8, 31), stoppedOn: new DateOnly(2025, 3, 1)).Single(Isotretinoin);
    }

    [Fact]
    public void Isotretinoin_window_is_counted_from_the_clinic_date_not_the_UTC_date()
    {
        // 00:30 British Summer Time on 15 September is still 14 September in UTC.
        var decision = new Scenario { Patient = Patients.With(new MedicationFact("isotretinoin", Codes.Isotretinoin, null, new DateOnly(2025, 3, 15))) }
            .At(Clinic.London, Day, 0, 30).Decide();

        decision.IsAllowedWithoutFindings();
    }

    [Fact]
    public void Isotretinoin_started_after_the_session_date_does_not_warn()
    {
        var decision = new Scenario { Patient = Patients.With(new MedicationFact("isotretinoin", Codes.Isotretinoin, Day.AddDays(1), null)) }
            .At(Clinic.London, Day, 10).Decide();

        decision.IsAllowedWithoutFindings();
    }

    [Fact]
    public void Anticoagulant_stopped_before_the_session_date_no_longer_warns()
    {
        Assert.Empty(WithMedication(Codes.Anticoagulant, stoppedOn: Day.AddDays(-1)).Findings);
        Assert.Empty(WithMedication(Codes.Anticoagulant, stoppedOn: Day).Findings);
    }

    [Fact]
    public void Anticoagulant_stopping_after_the_session_date_still_warns()
    {
        Assert.Equal(Severity.Warn, WithMedication(Codes.Anticoagulant, stoppedOn: Day.AddDays(1)).Single("ci.anticoagulant-antiplatelet").Severity);
    }

    [Fact]
    public void Two_blood_thinners_give_one_finding()
    {
        var patient = Patients.Healthy with
        {
            Medications = [new MedicationFact("apixaban", Codes.Anticoagulant, null, null), new MedicationFact("aspirin 75 mg", Codes.Antiplatelet, null, null)],
        };

        var decision = (new Scenario { Patient = patient }).Decide();

        Assert.Single(decision.Findings);
        decision.Single("ci.anticoagulant-antiplatelet");
    }

    [Fact]
    public void Medication_of_an_unrelated_class_does_not_warn()
    {
        Assert.Empty(WithMedication("antihistamine", stoppedOn: null).Findings);
    }

    private static EligibilityDecision Decide(DateOnly date, DateOnly? stoppedOn) =>
        new Scenario { Patient = Patients.With(new MedicationFact("isotretinoin", Codes.Isotretinoin, new DateOnly(2024, 6, 1), stoppedOn)) }
            .At(Clinic.London, date, 10).Decide();

    private static EligibilityDecision WithMedication(string classCode, DateOnly? stoppedOn) =>
        new Scenario { Patient = Patients.With(new MedicationFact("medicine", classCode, new DateOnly(2024, 1, 1), stoppedOn)) }
            .At(Clinic.London, Day, 10).Decide();
}
