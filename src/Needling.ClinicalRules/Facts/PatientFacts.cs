namespace Needling.ClinicalRules;

// Dates of the patient's history are DateOnly, as a clinician records them. An end date is the first day
// the fact no longer holds: a fact is current on a date when (start is unknown or on/before it) and
// (end is unknown or after it).

// Severity: mild | moderate | severe, as the practitioner grades it (e.g. a bleeding disorder marked severe).
public sealed record ConditionFact(string Code, string? Area, DateOnly? OnsetOn, DateOnly? ResolvedOn, string? Severity = null);

// ClassCode "other" with a Name from the medicine list (medicine-classes.json) counts as that name's class.
public sealed record MedicationFact(string Name, string ClassCode, DateOnly? StartedOn, DateOnly? StoppedOn);

// Severity: mild | moderate | severe (graded for acne).
public sealed record SkinFindingFact(string Code, string? Area, string? Severity, DateOnly ObservedOn, DateOnly? ResolvedOn);

// Pregnant while EndedOn is null or after the date. Unknown LMP is read as first trimester, the cautious reading.
public sealed record PregnancyFact(DateOnly? LastMenstrualPeriodOn, DateOnly? EndedOn);

// The current answer to one screening question (screening-questions.json). OccurredOn: the date the answer gives
// (last sunburn, last filler, last spread of vitiligo). Areas: where (null = anywhere, the cautious reading).
// Detail: free text, e.g. the names of blood thinners.
public sealed record AnswerFact(string QuestionId, string Value, DateOnly? OccurredOn, IReadOnlyList<string>? Areas,
    DateOnly AnsweredOn, string? Detail = null);

// Answers null or empty = no screening questionnaire at all, which is never "allowed".
public sealed record PatientFacts(IReadOnlyList<ConditionFact> Conditions, IReadOnlyList<MedicationFact> Medications,
    IReadOnlyList<SkinFindingFact> SkinFindings, PregnancyFact? Pregnancy, IReadOnlyList<string> Allergies,
    IReadOnlyList<AnswerFact>? Answers = null, DateOnly? DateOfBirth = null);
