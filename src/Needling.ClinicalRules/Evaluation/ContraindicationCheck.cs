namespace Needling.ClinicalRules;

// One finding per matching rule (not per fact), at the rule's severity for the treatment.
internal static class ContraindicationCheck
{
    public static void AddTo(List<Finding> findings, IReadOnlyList<(ContraindicationRule Rule, Severity Severity)> rules,
        EligibilityInput input, DateOnly date)
    {
        foreach (var (rule, severity) in rules)
        {
            if (Matches(rule.Match, input, date))
                findings.Add(new Finding(rule.Id, rule.Version, severity, rule.Message, rule.Source));
        }
    }

    private static bool Matches(FindingMatch match, EligibilityInput input, DateOnly date)
    {
        var patient = input.Patient;
        switch (match.Kind)
        {
            case FactKind.Condition:
                foreach (var c in patient.Conditions)
                    if (CodeMatches(match, c.Code) && FactWindow.Counts(c.OnsetOn, c.ResolvedOn, date, match.WithinMonths)
                        && AreaMatches(match, c.Area, input.TreatedAreas))
                        return true;
                return false;
            case FactKind.Medication:
                foreach (var m in patient.Medications)
                    if (CodeMatches(match, m.ClassCode) && FactWindow.Counts(m.StartedOn, m.StoppedOn, date, match.WithinMonths))
                        return true;
                return false;
            case FactKind.SkinFinding:
                foreach (var s in patient.SkinFindings)
                    if (CodeMatches(match, s.Code) && FactWindow.Counts(s.ObservedOn, s.ResolvedOn, date, match.WithinMonths)
                        && AreaMatches(match, s.Area, input.TreatedAreas) && SeverityMatches(match, s.Severity))
                        return true;
                return false;
            case FactKind.Pregnancy:
                return patient.Pregnancy is { } p
                    && FactWindow.Counts(p.LastMenstrualPeriodOn, p.EndedOn, date, match.WithinMonths)
                    && (match.PregnancyTrimester is null || match.PregnancyTrimester == FactWindow.Trimester(p.LastMenstrualPeriodOn, date));
            case FactKind.ProductNotCleared:
                return input.Treatment.RequiresRegulatoryClearance && !input.Treatment.HasRegulatoryClearance;
            default:
                return false;
        }
    }

    private static bool CodeMatches(FindingMatch match, string code) =>
        match.Codes.Count == 0 || match.Codes.Contains(code);

    // A fact on an area applies to every area inside it, and a fact inside a treated area is in the treated area:
    // infection on "face" blocks the cheeks, infection on the cheeks blocks a treatment of the face
    // (clinical-defaults.md, body areas). Unknown treated areas, a fact without an area, or an area the vocabulary
    // does not know (where on the body it lies cannot be told) count: the cautious reading.
    private static bool AreaMatches(FindingMatch match, string? area, IReadOnlyList<string>? treatedAreas)
    {
        if (!match.AreaScoped || area is null || treatedAreas is null || treatedAreas.Count == 0)
        {
            return true;
        }
        var areas = BodyAreaVocabulary.Default;
        if (!areas.Contains(area))
        {
            return true;
        }
        foreach (var treated in treatedAreas)
        {
            if (!areas.Contains(treated) || areas.Overlap(area, treated))
            {
                return true;
            }
        }
        return false;
    }

    // An ungraded (or unrecognised) severity counts: the cautious reading, as with an unknown LMP.
    private static bool SeverityMatches(FindingMatch match, string? severity) =>
        match.MinimumSeverity is null
        || FactWindow.SeverityRank(severity) is not int rank
        || rank >= FactWindow.SeverityRank(match.MinimumSeverity);
}
