namespace Needling.ClinicalRules;

// Rule ids of the checks that the engine itself makes, outside the rule set's data.
public static class BuiltInRuleIds
{
    public const string ProtocolUnknown = "protocol.unknown";
    public const string PractitionerQualification = "practitioner.qualification";
    public const string PractitionerLicence = "practitioner.licence";
    public const string DepthZoneUnknown = "depth.zone-unknown";
    public const string ScreeningIncomplete = "screening.incomplete";
    public const string ScreeningUnanswered = "screening.unanswered";
}

internal static class BuiltInRules
{
    public const int Version = 1;

    // No protocol = no interval, depth or qualification to check against: refuse rather than guess.
    public static readonly RuleSource ProtocolUnknownSource =
        new("Clinic policy: a treatment is given only under a protocol of the rule set", EvidenceLevel.P);

    // clinical-defaults.md, Treatments, "performed by" column (evidence P).
    public static readonly RuleSource PerformedBySource =
        new("clinical-defaults.md, Treatments: performed by", EvidenceLevel.P);

    // clinical-defaults.md: "A missing answer is unknown, never 'no'" (clinic policy, no clinical source).
    public static readonly RuleSource UnknownIsNotNoSource =
        new("clinical-defaults.md, contraindications: a missing screening answer is unknown, never 'no'", EvidenceLevel.P);

    // clinical-defaults.md, "Depth by facial zone (manufacturer charts, C)".
    public static readonly RuleSource DepthChartSource =
        new("clinical-defaults.md, depth by facial zone (manufacturer charts)", EvidenceLevel.C);
}
