namespace Needling.ClinicalRules;

// Which patient facts a contraindication matches.
// Codes: empty = any code of that kind (ignored for Pregnancy and ProductNotCleared).
// WithinMonths: the fact counts if it was current at any time in the window (date - N months, date].
// AreaScoped: a fact recorded with an area counts only if that area is among the treated areas.
// PregnancyTrimester: 1-3, counted from the last menstrual period. MinimumSeverity: mild < moderate < severe.
// Question: a screening question whose answer (one of Values, "yes" when Values is empty) also matches, or for
// kind Answer is what matches; while it is unanswered (and no recorded fact matches) the rule is unknown, which
// makes a Block rule "screening incomplete". WithinDays / WithinMonths on an answer count from the date the
// answer gives (e.g. the day of the sunburn); an answer without that date counts (the cautious reading).
// UnderAgeYears (kind Age): matches a patient younger than that on the session date, unless UnlessQuestion is
// answered "yes" (e.g. a guardian's consent). ElectricalStimulationOnly: matches only unless the session is known
// to use no electrical stimulation.
public sealed record FindingMatch(FactKind Kind, IReadOnlyList<string> Codes, int? WithinMonths, bool AreaScoped,
    int? PregnancyTrimester, string? MinimumSeverity, string? Question = null, IReadOnlyList<string>? Values = null,
    int? WithinDays = null, int? UnderAgeYears = null, string? UnlessQuestion = null, bool ElectricalStimulationOnly = false);

// A contraindication applies only to the treatments listed in SeverityByTreatment, at the severity given there.
public sealed record ContraindicationRule(string Id, int Version, string Title, FindingMatch Match,
    IReadOnlyDictionary<string, Severity> SeverityByTreatment, string Message, RuleSource Source);
