namespace Needling.ClinicalRules;

// One finding per matching rule (not per fact), at the rule's severity for the treatment. A rule that does not
// match on what is known, but asks a screening question that is unanswered, is unknown: it is reported to
// ScreeningCompleteness instead (a missing answer is never "no").
internal static class ContraindicationCheck
{
    public static void AddTo(List<Finding> findings, IReadOnlyList<(ContraindicationRule Rule, Severity Severity)> rules,
        EligibilityInput input, DateOnly date, List<(string Question, Severity Severity)> unanswered)
    {
        foreach (var (rule, severity) in rules)
        {
            var (matches, unknown) = Evaluate(rule.Match, input, date);
            if (matches)
                findings.Add(new Finding(rule.Id, rule.Version, severity, rule.Message, rule.Source));
            else if (unknown)
                unanswered.Add((rule.Match.Question!, severity));
        }
    }

    private static (bool Matches, bool Unknown) Evaluate(FindingMatch match, EligibilityInput input, DateOnly date)
    {
        if (match.ElectricalStimulationOnly && input.ElectricalStimulation == false)
            return (false, false);
        if (match.Kind != FactKind.Answer && FactMatches(match, input, date))
            return (true, false);
        if (match.Question is null)
            return (false, false);
        // A recorded pregnancy (with its dates) decides the trimester; a "yes" only speaks when none is recorded.
        if (match.Kind == FactKind.Pregnancy && input.Patient.Pregnancy is not null)
            return (false, false);
        var answer = Answers.Latest(input.Patient, match.Question);
        if (answer is null)
            return (false, true);
        return (AnswerMatches(match, answer, input, date), false);
    }

    private static bool FactMatches(FindingMatch match, EligibilityInput input, DateOnly date)
    {
        var patient = input.Patient;
        switch (match.Kind)
        {
            case FactKind.Condition:
                foreach (var c in patient.Conditions)
                    if (CodeMatches(match, c.Code) && FactWindow.Counts(c.OnsetOn, c.ResolvedOn, date, match.WithinMonths)
                        && AreaMatches(match, c.Area, input.TreatedAreas) && GradedSeverityMatches(match, c.Severity))
                        return true;
                return false;
            case FactKind.Medication:
                foreach (var m in patient.Medications)
                    if (CodeMatches(match, ClassOf(m)) && FactWindow.Counts(m.StartedOn, m.StoppedOn, date, match.WithinMonths))
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
            case FactKind.Age:
                return IsUnderAge(match, patient, date) && !Answers.IsYes(patient, match.UnlessQuestion);
            case FactKind.DeviceMaintenance:
                // MaintenanceDueOn is the last day of use: a session the day after is past it.
                return input.Device?.MaintenanceDueOn is DateOnly due && due < date;
            default:
                return false;
        }
    }

    // "Other" with a listed name counts as the name's class; an unknown "other" stays "other".
    private static string ClassOf(MedicationFact m) =>
        m.ClassCode == "other" ? MedicineClasses.ClassOf(m.Name) ?? m.ClassCode : m.ClassCode;

    // Unknown date of birth counts as under age: the cautious reading.
    private static bool IsUnderAge(FindingMatch match, PatientFacts patient, DateOnly date) =>
        match.UnderAgeYears is int years && (patient.DateOfBirth is not DateOnly born || born.AddYears(years) > date);

    private static bool AnswerMatches(FindingMatch match, AnswerFact answer, EligibilityInput input, DateOnly date)
    {
        var values = match.Values is { Count: > 0 } v ? v : Answers.Yes;
        if (!values.Contains(answer.Value))
            return false;
        if (answer.OccurredOn is DateOnly on)
        {
            if (on > date)
                return false;
            if (match.WithinDays is int days && date.DayNumber - on.DayNumber >= days)
                return false;
            if (match.WithinMonths is int months && on <= date.AddMonths(-months))
                return false;
        }
        if (answer.Areas is not { Count: > 0 } areas)
            return true;
        foreach (var area in areas)
            if (AreaMatches(match, area, input.TreatedAreas))
                return true;
        return false;
    }

    private static bool CodeMatches(FindingMatch match, string code) =>
        match.Codes.Count == 0 || match.Codes.Contains(code);

    // A fact on an area applies to every area inside it, and a fact inside a treated area is in the treated area:
    // infection on "face" blocks the cheeks, infection on the cheeks blocks a treatment of the face
    // (clinical-defaults.md, body areas). Unknown treated areas, a fact without an area, or an area the vocabulary
    // does not know (where on the body it lies cannot be told) count: the cautious reading.
    internal static bool AreaMatches(FindingMatch match, string? area, IReadOnlyList<string>? treatedAreas) =>
        !match.AreaScoped || Overlaps(area, treatedAreas);

    internal static bool Overlaps(string? area, IReadOnlyList<string>? treatedAreas)
    {
        if (area is null || treatedAreas is null || treatedAreas.Count == 0)
            return true;
        var areas = BodyAreaVocabulary.Default;
        if (!areas.Contains(area))
            return true;
        foreach (var treated in treatedAreas)
            if (!areas.Contains(treated) || areas.Overlap(area, treated))
                return true;
        return false;
    }

    // An ungraded (or unrecognised) severity counts: the cautious reading, as with an unknown LMP.
    private static bool SeverityMatches(FindingMatch match, string? severity) =>
        match.MinimumSeverity is null
        || FactWindow.SeverityRank(severity) is not int rank
        || rank >= FactWindow.SeverityRank(match.MinimumSeverity);

    // A condition's severity is the practitioner's grading ("a bleeding disorder marked severe"): only a graded
    // condition at or above the minimum counts. The ungraded condition is covered by the condition's own rule.
    private static bool GradedSeverityMatches(FindingMatch match, string? severity) =>
        match.MinimumSeverity is null
        || (FactWindow.SeverityRank(severity) is int rank && rank >= FactWindow.SeverityRank(match.MinimumSeverity));
}

internal static class Answers
{
    public static readonly IReadOnlyList<string> Yes = ["yes"];

    public static AnswerFact? Latest(PatientFacts patient, string question)
    {
        AnswerFact? latest = null;
        foreach (var a in patient.Answers ?? [])
            if (string.Equals(a.QuestionId, question, StringComparison.Ordinal) && (latest is null || a.AnsweredOn >= latest.AnsweredOn))
                latest = a;
        return latest;
    }

    public static bool IsYes(PatientFacts patient, string? question) =>
        question is not null && Latest(patient, question)?.Value == "yes";
}
