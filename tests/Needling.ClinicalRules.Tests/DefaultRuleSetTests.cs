namespace Needling.ClinicalRules.Tests;

// The default rule set encodes shared/clinical-defaults.md.
public sealed class DefaultRuleSetTests
{
    private static readonly RuleSet Rules = DefaultRuleSet.Load();

    [Theory]
    [InlineData(Codes.MnPen, Codes.Hyperpigmentation, 14, null, null, EvidenceLevel.P)]
    [InlineData(Codes.MnRoller, Codes.Hyperpigmentation, 14, null, null, EvidenceLevel.P)]
    [InlineData(Codes.MnPen, Codes.Hypopigmentation, 14, null, null, EvidenceLevel.P)]
    [InlineData(Codes.MnRoller, Codes.Hypopigmentation, 14, null, null, EvidenceLevel.P)]
    [InlineData(Codes.MnRoller, Codes.IdiopathicGuttateHypomelanosis, 21, 3, 6, EvidenceLevel.C)]
    [InlineData(Codes.MnPen, Codes.AcneScars, 28, 3, 6, EvidenceLevel.C)]
    [InlineData(Codes.DryNeedling, Codes.Musculoskeletal, 7, 2, 3, EvidenceLevel.C)]
    [InlineData(Codes.DryNeedling, Codes.CosmeticFacial, 7, 2, 3, EvidenceLevel.C)]
    [InlineData(Codes.UcMsc, Codes.Pigmentation, 28, null, null, EvidenceLevel.P)]
    public void Protocol_row_has_the_default_interval_course_and_evidence(string treatment, string indication, int days,
        int? courseMin, int? courseMax, EvidenceLevel evidence)
    {
        var protocol = Assert.Single(Rules.Protocols, p => p.TreatmentCode == treatment && p.Indication == indication);

        Assert.Equal(days, protocol.MinIntervalDays);
        Assert.Equal(courseMin, protocol.CourseMinSessions);
        Assert.Equal(courseMax, protocol.CourseMaxSessions);
        Assert.Equal(evidence, protocol.Source.Evidence);
    }

    [Fact]
    public void There_is_one_protocol_per_row_of_the_defaults_and_no_more()
    {
        Assert.Equal(9, Rules.Protocols.Count);
        Assert.Equal(1, Rules.Version);
    }

    [Fact]
    public void Stem_cell_interval_is_marked_as_clinic_policy_because_the_sources_give_none()
    {
        var protocol = Rules.Protocols.Single(p => p.TreatmentCode == Codes.UcMsc);

        Assert.Equal(EvidenceLevel.P, protocol.Source.Evidence);
        Assert.Contains("clinic policy", protocol.Note, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([Codes.Physician], protocol.RequiredQualifications);
    }

    [Fact]
    public void Microneedling_sessions_count_toward_each_others_interval()
    {
        foreach (var protocol in Rules.Protocols.Where(p => p.TreatmentCode is Codes.MnPen or Codes.MnRoller))
            Assert.Equal([Codes.MnPen, Codes.MnRoller], protocol.IntervalCountsTreatments.Order());
    }

    [Fact]
    public void Guttate_hypomelanosis_roller_protocol_has_4_to_6_passes_at_half_to_one_millimetre()
    {
        var protocol = Rules.Protocols.Single(p => p.Id == "proto.mn-roller.idiopathic-guttate-hypomelanosis");

        Assert.Equal((4, 6), (protocol.PassesMin, protocol.PassesMax));
        Assert.Equal((0.5m, 1.0m), protocol.Depths.Where(d => d.Zone == Codes.Body).Select(d => (d.MinMm, d.MaxMm)).Single());
        Assert.All(protocol.Depths, d => Assert.True(d.MaxMm <= 1.0m, d.Zone));
    }

    [Fact]
    public void Pigmentation_depths_stay_below_one_millimetre()
    {
        foreach (var protocol in Rules.Protocols.Where(p => p.Indication is Codes.Hyperpigmentation or Codes.Hypopigmentation))
        {
            Assert.NotEmpty(protocol.Depths);
            Assert.All(protocol.Depths, d => Assert.True(d.MaxMm < 1.0m, $"{protocol.Id} {d.Zone}"));
        }
    }

    [Fact]
    public void Facial_depths_never_exceed_the_manufacturer_chart()
    {
        var chartMax = new Dictionary<string, decimal>
        {
            [Codes.Periorbital] = 0.25m, [Codes.Nose] = 0.5m, [Codes.UpperLip] = 0.5m, [Codes.Forehead] = 0.5m,
            [Codes.Cheeks] = 1.0m, [Codes.Chin] = 1.0m, [Codes.Scar] = 1.5m,
        };

        foreach (var protocol in Rules.Protocols)
            foreach (var depth in protocol.Depths.Where(d => d.Zone != Codes.Body))
                Assert.True(depth.MaxMm <= chartMax[depth.Zone], $"{protocol.Id} {depth.Zone}");
    }

    [Fact]
    public void Dry_needling_has_no_needle_depth_and_facial_work_needs_facial_anatomy_training()
    {
        var dryNeedling = Rules.Protocols.Where(p => p.TreatmentCode == Codes.DryNeedling).ToList();

        Assert.All(dryNeedling, p => Assert.Empty(p.Depths));
        Assert.Contains(Codes.FacialAnatomyTraining, dryNeedling.Single(p => p.Indication == Codes.CosmeticFacial).RequiredQualifications);
        Assert.DoesNotContain(Codes.FacialAnatomyTraining, dryNeedling.Single(p => p.Indication == Codes.Musculoskeletal).RequiredQualifications);
    }

    [Fact]
    public void Every_rule_has_a_version_a_citation_and_an_evidence_level()
    {
        var sources = Rules.Protocols.Select(p => (p.Id, p.Version, p.Source))
            .Concat(Rules.Contraindications.Select(c => (c.Id, c.Version, c.Source)));

        Assert.All(sources, rule =>
        {
            Assert.True(rule.Version >= 1, rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Source.Citation), rule.Id);
            Assert.True(Enum.IsDefined(rule.Source.Evidence), rule.Id);
            Assert.Matches("seed 00[0-4]|clinical-defaults\\.md|[Cc]linic policy", rule.Source.Citation);
        });
    }

    [Fact]
    public void Every_code_in_the_default_rules_is_a_known_code()
    {
        Assert.All(Rules.Protocols, p =>
        {
            Assert.Contains(p.TreatmentCode, Codes.Treatments);
            Assert.Contains(p.Indication, Codes.Indications);
            Assert.All(p.IntervalCountsTreatments, t => Assert.Contains(t, Codes.Treatments));
            Assert.All(p.RequiredQualifications, q => Assert.Contains(q, Codes.Qualifications));
            Assert.All(p.Depths, d => Assert.Contains(d.Zone, Codes.Zones));
        });
        Assert.All(Rules.Contraindications, c =>
        {
            Assert.All(c.SeverityByTreatment.Keys, t => Assert.Contains(t, Codes.Treatments));
            var known = c.Match.Kind switch
            {
                FactKind.Condition => Codes.Conditions,
                FactKind.Medication => Codes.MedicationClasses,
                FactKind.SkinFinding => Codes.SkinFindings,
                _ => new HashSet<string>(),
            };
            Assert.All(c.Match.Codes, code => Assert.Contains(code, known));
        });
    }

    [Fact]
    public void Load_returns_the_same_validated_instance()
    {
        Assert.Same(DefaultRuleSet.Load(), DefaultRuleSet.Load());
    }
}
