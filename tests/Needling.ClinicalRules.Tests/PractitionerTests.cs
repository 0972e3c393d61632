using Needling.ClinicalRules.Tests.Support;

namespace Needling.ClinicalRules.Tests;

// clinical-defaults.md, Treatments, "performed by".
public sealed class PractitionerTests
{
    private static readonly DateOnly Day = new(2025, 6, 16);

    [Theory]
    [InlineData(Codes.MnPen, Codes.Hyperpigmentation, Codes.MicroneedlingDeviceTraining)]
    [InlineData(Codes.MnRoller, Codes.IdiopathicGuttateHypomelanosis, Codes.MicroneedlingDeviceTraining)]
    [InlineData(Codes.MnPen, Codes.AcneScars, Codes.MicroneedlingDeviceTraining)]
    [InlineData(Codes.DryNeedling, Codes.Musculoskeletal, Codes.DryNeedlingCertification)]
    [InlineData(Codes.DryNeedling, Codes.CosmeticFacial, Codes.DryNeedlingCertification)]
    [InlineData(Codes.DryNeedling, Codes.CosmeticFacial, Codes.FacialAnatomyTraining)]
    [InlineData(Codes.UcMsc, Codes.Pigmentation, Codes.Physician)]
    public void Practitioner_without_a_required_qualification_is_refused(string treatment, string indication, string missing)
    {
        var held = Codes.Qualifications.Where(q => q != missing).Select(q => new QualificationFact(q, null)).ToArray();

        var decision = (Scenario.For(treatment, indication) with { Practitioner = Practitioners.Holding(held) }).Decide();

        decision.IsRefusedBy("practitioner.qualification");
        Assert.Contains(missing, decision.Single("practitioner.qualification").Message, StringComparison.Ordinal);
        Assert.Equal(EvidenceLevel.P, decision.Single("practitioner.qualification").Source.Evidence);
    }

    [Fact]
    public void Musculoskeletal_dry_needling_does_not_need_facial_anatomy_training()
    {
        var practitioner = Practitioners.Holding(new QualificationFact(Codes.DryNeedlingCertification, null));

        (Scenario.For(Codes.DryNeedling, Codes.Musculoskeletal) with { Practitioner = practitioner }).Decide().IsAllowedWithoutFindings();
    }

    [Fact]
    public void Qualification_is_valid_on_its_last_day()
    {
        var practitioner = Practitioners.Holding(new QualificationFact(Codes.MicroneedlingDeviceTraining, Day));

        (new Scenario { Practitioner = practitioner }).At(Clinic.London, Day, 23, 30).Decide().IsAllowedWithoutFindings();
    }

    [Fact]
    public void Qualification_expired_the_day_before_refuses_and_says_when()
    {
        var practitioner = Practitioners.Holding(new QualificationFact(Codes.MicroneedlingDeviceTraining, Day.AddDays(-1)));

        var decision = (new Scenario { Practitioner = practitioner }).At(Clinic.London, Day, 10).Decide();

        decision.IsRefusedBy("practitioner.qualification");
        Assert.Contains("2025-06-15", decision.Single("practitioner.qualification").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Qualification_expiry_is_judged_on_the_clinic_date_not_the_UTC_date()
    {
        // 00:30 British Summer Time on the 17th is still the 16th in UTC, the certificate's last day.
        var practitioner = Practitioners.Holding(new QualificationFact(Codes.MicroneedlingDeviceTraining, Day));

        var decision = (new Scenario { Practitioner = practitioner }).At(Clinic.London, Day.AddDays(1), 0, 30).Decide();

        decision.IsRefusedBy("practitioner.qualification");
    }

    [Fact]
    public void A_renewed_qualification_counts_even_when_the_old_record_has_expired()
    {
        var practitioner = Practitioners.Holding(
            new QualificationFact(Codes.MicroneedlingDeviceTraining, Day.AddYears(-1)),
            new QualificationFact(Codes.MicroneedlingDeviceTraining, Day.AddYears(1)));

        (new Scenario { Practitioner = practitioner }).Decide().IsAllowedWithoutFindings();
    }

    [Fact]
    public void Licence_expired_the_day_before_refuses()
    {
        var practitioner = Practitioners.FullyQualified with { LicenceExpiresOn = Day.AddDays(-1) };

        var decision = (new Scenario { Practitioner = practitioner }).At(Clinic.London, Day, 10).Decide();

        decision.IsRefusedBy("practitioner.licence");
        Assert.Contains("2025-06-15", decision.Single("practitioner.licence").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Licence_is_valid_on_its_last_day()
    {
        var practitioner = Practitioners.FullyQualified with { LicenceExpiresOn = Day };

        (new Scenario { Practitioner = practitioner }).At(Clinic.London, Day, 10).Decide().IsAllowedWithoutFindings();
    }

    [Fact]
    public void Booking_for_a_date_after_the_licence_expires_is_refused()
    {
        var practitioner = Practitioners.FullyQualified with { LicenceExpiresOn = Day };

        var decision = (new Scenario { Practitioner = practitioner }).At(Clinic.London, Day.AddMonths(2), 10).Decide();

        decision.IsRefusedBy("practitioner.licence");
    }
}
