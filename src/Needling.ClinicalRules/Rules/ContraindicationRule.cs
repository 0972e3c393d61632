namespace Needling.ClinicalRules;

// Which patient facts a contraindication matches.
// Codes: empty = any code of that kind (ignored for Pregnancy and ProductNotCleared).
// WithinMonths: the fact counts if it was current at any time in the window (date - N months, date].
// AreaScoped: a fact recorded with an area counts only if that area is among the treated areas.
// PregnancyTrimester: 1-3, counted from the last menstrual period. MinimumSeverity: mild < moderate < severe.
public sealed record FindingMatch(FactKind Kind, IReadOnlyList<string> Codes, int? WithinMonths, bool AreaScoped,
    int? PregnancyTrimester, string? MinimumSeverity);

// A contraindication applies only to the treatments listed in SeverityByTreatment, at the severity given there.
public sealed record ContraindicationRule(string Id, int Version, string Title, FindingMatch Match,
    IReadOnlyDictionary<string, Severity> SeverityByTreatment, string Message, RuleSource Source);
