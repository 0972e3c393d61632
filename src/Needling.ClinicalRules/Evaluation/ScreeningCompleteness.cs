namespace Needling.ClinicalRules;

// Rule ids: screening.incomplete (a question that can block is unanswered, or there is no screening at all: the
// outcome is ScreeningIncomplete, never allowed) and screening.unanswered (only questions that can warn are
// unanswered: a warning, so that staff ask them or override with a reason).
internal static class ScreeningCompleteness
{
    public static void AddTo(List<Finding> findings, PatientFacts patient, List<(string Question, Severity Severity)> unanswered)
    {
        if (patient.Answers is not { Count: > 0 })
        {
            findings.Add(new Finding(BuiltInRuleIds.ScreeningIncomplete, BuiltInRules.Version, Severity.Block,
                "Screening incomplete: no screening answers are recorded for this patient. Ask the screening questions first.",
                BuiltInRules.UnknownIsNotNoSource));
            return;
        }
        var blocking = unanswered.Where(u => u.Severity == Severity.Block).Select(u => u.Question).Distinct().Order(StringComparer.Ordinal).ToList();
        var warning = unanswered.Select(u => u.Question).Distinct().Except(blocking).Order(StringComparer.Ordinal).ToList();
        if (blocking.Count > 0)
            findings.Add(new Finding(BuiltInRuleIds.ScreeningIncomplete, BuiltInRules.Version, Severity.Block,
                $"Screening incomplete: unanswered question(s) that could stop this treatment: {string.Join(", ", blocking)}.",
                BuiltInRules.UnknownIsNotNoSource));
        if (warning.Count > 0)
            findings.Add(new Finding(BuiltInRuleIds.ScreeningUnanswered, BuiltInRules.Version, Severity.Warn,
                $"Unanswered screening question(s): {string.Join(", ", warning)}.",
                BuiltInRules.UnknownIsNotNoSource));
    }
}
