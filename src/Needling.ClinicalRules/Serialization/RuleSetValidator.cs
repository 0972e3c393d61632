namespace Needling.ClinicalRules;

// Checks that a deserialized rule set means what it says. Every message names the rule, so that the
// administrator who edited it can find it.
internal static class RuleSetValidator
{
    public static void Validate(RuleSet rules)
    {
        if (rules.Version < 1)
            throw new FormatException($"The rule set version must be 1 or more, not {rules.Version}.");

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var protocolKeys = new HashSet<(string, string)>();
        foreach (var protocol in rules.Protocols)
        {
            CheckId(protocol?.Id, ids, "protocol");
            ValidateProtocol(protocol!);
            if (!protocolKeys.Add((protocol!.TreatmentCode, protocol.Indication)))
                throw Bad(protocol.Id, $"is a second protocol for {protocol.TreatmentCode} with indication '{protocol.Indication}'");
        }

        foreach (var rule in rules.Contraindications)
        {
            CheckId(rule?.Id, ids, "contraindication");
            ValidateContraindication(rule!);
        }
    }

    private static void CheckId(string? id, HashSet<string> seen, string what)
    {
        if (string.IsNullOrWhiteSpace(id))
            throw new FormatException($"A {what} rule has no id.");
        if (!seen.Add(id))
            throw new FormatException($"Rule id '{id}' is used more than once; rule ids must be unique.");
    }

    private static void ValidateProtocol(ProtocolRule p)
    {
        Require(p.Id, p.Version >= 1, "version must be 1 or more");
        Require(p.Id, !string.IsNullOrWhiteSpace(p.TreatmentCode), "has no treatmentCode");
        Require(p.Id, !string.IsNullOrWhiteSpace(p.Indication), "has no indication");
        Require(p.Id, p.MinIntervalDays >= 0, "minIntervalDays must not be negative");
        RequireCodes(p.Id, p.IntervalCountsTreatments, "intervalCountsTreatments");
        RequireCodes(p.Id, p.RequiredQualifications, "requiredQualifications");
        RequireRange(p.Id, p.CourseMinSessions, p.CourseMaxSessions, "course sessions");
        RequireRange(p.Id, p.PassesMin, p.PassesMax, "passes");
        Require(p.Id, p.Depths is not null && p.Depths.All(d => d is not null), "has a null depth");
        foreach (var depth in p.Depths!)
        {
            Require(p.Id, !string.IsNullOrWhiteSpace(depth.Zone), "has a depth without a zone");
            Require(p.Id, depth.MinMm >= 0 && depth.MinMm <= depth.MaxMm, $"depth for zone '{depth.Zone}' must have 0 <= minMm <= maxMm");
        }
        Require(p.Id, p.Depths!.Select(d => d.Zone).Distinct(StringComparer.Ordinal).Count() == p.Depths!.Count, "lists a depth zone twice");
        RequireSource(p.Id, p.Source);
    }

    private static void ValidateContraindication(ContraindicationRule r)
    {
        Require(r.Id, r.Version >= 1, "version must be 1 or more");
        Require(r.Id, !string.IsNullOrWhiteSpace(r.Title), "has no title");
        Require(r.Id, !string.IsNullOrWhiteSpace(r.Message), "has no message");
        Require(r.Id, r.Match is not null, "has no match");
        var m = r.Match!;
        Require(r.Id, Enum.IsDefined(m.Kind), $"has an unknown fact kind '{m.Kind}'");
        RequireCodes(r.Id, m.Codes, "match.codes");
        Require(r.Id, m.Codes.Count == 0 || m.Kind is FactKind.Condition or FactKind.Medication or FactKind.SkinFinding,
            $"match.codes mean nothing for kind {m.Kind}");
        Require(r.Id, m.WithinMonths is null or >= 1, "match.withinMonths must be 1 or more");
        Require(r.Id, !m.AreaScoped || m.Kind is FactKind.Condition or FactKind.SkinFinding or FactKind.Answer || m.Question is not null,
            $"match.areaScoped means nothing for kind {m.Kind}: only conditions and skin findings have an area");
        Require(r.Id, m.PregnancyTrimester is null || (m.Kind == FactKind.Pregnancy && m.PregnancyTrimester is >= 1 and <= 3),
            "match.pregnancyTrimester must be 1, 2 or 3, on a Pregnancy match");
        Require(r.Id, m.MinimumSeverity is null || (m.Kind is FactKind.SkinFinding or FactKind.Condition && Codes.SkinFindingSeverities.Contains(m.MinimumSeverity)),
            $"match.minimumSeverity must be one of {string.Join(", ", Codes.SkinFindingSeverities)}, on a SkinFinding or Condition match");
        Require(r.Id, m.Kind != FactKind.Answer || !string.IsNullOrWhiteSpace(m.Question), "match.question is required for kind Answer");
        Require(r.Id, m.Question is null || ScreeningQuestionnaire.Default.Find(m.Question) is not null,
            $"match.question '{m.Question}' is not a screening question");
        Require(r.Id, m.Values is null || m.Values.All(v => !string.IsNullOrWhiteSpace(v)), "match.values must be non-blank");
        Require(r.Id, m.WithinDays is null or >= 1, "match.withinDays must be 1 or more");
        Require(r.Id, (m.Kind == FactKind.Age) == (m.UnderAgeYears is not null), "match.underAgeYears is required for kind Age, and only there");
        Require(r.Id, m.UnlessQuestion is null || (m.Kind == FactKind.Age && ScreeningQuestionnaire.Default.Find(m.UnlessQuestion) is not null),
            "match.unlessQuestion must be a screening question, on an Age match");
        Require(r.Id, r.SeverityByTreatment is { Count: > 0 }, "applies to no treatment (severityByTreatment is empty)");
        foreach (var (treatment, severity) in r.SeverityByTreatment!)
        {
            Require(r.Id, !string.IsNullOrWhiteSpace(treatment), "has a blank treatment code in severityByTreatment");
            Require(r.Id, Enum.IsDefined(severity), $"has an unknown severity '{severity}' for {treatment}");
        }
        RequireSource(r.Id, r.Source);
    }

    private static void RequireCodes(string id, IReadOnlyList<string>? codes, string name) =>
        Require(id, codes is not null && codes.All(c => !string.IsNullOrWhiteSpace(c)), $"{name} must be a list of non-blank codes");

    private static void RequireRange(string id, int? min, int? max, string name) =>
        Require(id, min is null or >= 1 && max is null or >= 1 && (min is null || max is null || min <= max),
            $"{name}: min and max must be 1 or more and min <= max");

    private static void RequireSource(string id, RuleSource? source) =>
        Require(id, source is not null && !string.IsNullOrWhiteSpace(source.Citation) && Enum.IsDefined(source.Evidence),
            "needs a source with a citation and an evidence level (A, B, C or P)");

    private static void Require(string id, bool condition, string problem)
    {
        if (!condition)
            throw Bad(id, problem);
    }

    private static FormatException Bad(string id, string problem) => new($"Rule '{id}' {problem}.");
}
