namespace Needling.ClinicalRules;

// Dates of the patient's history are DateOnly, as a clinician records them. An end date is the first day
// the fact no longer holds: a fact is current on a date when (start is unknown or on/before it) and
// (end is unknown or after it).

public sealed record ConditionFact(string Code, string? Area, DateOnly? OnsetOn, DateOnly? ResolvedOn);

public sealed record MedicationFact(string Name, string ClassCode, DateOnly? StartedOn, DateOnly? StoppedOn);

// Severity: mild | moderate | severe (graded for acne).
public sealed record SkinFindingFact(string Code, string? Area, string? Severity, DateOnly ObservedOn, DateOnly? ResolvedOn);

// Pregnant while EndedOn is null or after the date. Unknown LMP is read as first trimester, the cautious reading.
public sealed record PregnancyFact(DateOnly? LastMenstrualPeriodOn, DateOnly? EndedOn);

public sealed record PatientFacts(IReadOnlyList<ConditionFact> Conditions, IReadOnlyList<MedicationFact> Medications,
    IReadOnlyList<SkinFindingFact> SkinFindings, PregnancyFact? Pregnancy, IReadOnlyList<string> Allergies);
