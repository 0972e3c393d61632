using MediatR;

namespace Needling.Contracts.Patients;

/// <summary>Asks for a patient's current medical screening; the answer is null when the patient is unknown.</summary>
public sealed record GetPatientScreening(Guid PatientId) : IRequest<PatientScreening?>;

/// <summary>The current (latest, not removed) screening entries of one patient.</summary>
/// <param name="PatientId">Patient id.</param>
/// <param name="Conditions">Medical conditions.</param>
/// <param name="Medications">Medications with start and stop dates.</param>
/// <param name="SkinFindings">Skin findings per area (a body-area code, or null for anywhere).</param>
/// <param name="Pregnancy">The latest pregnancy record, if any.</param>
/// <param name="Allergies">Allergy codes or names.</param>
/// <param name="LastConfirmation">The latest time the answers were reconfirmed (POST /patients/{id}/screening/confirm); null if never.</param>
/// <param name="ReviewDue">
/// True when an answer was recorded more than Screening:ReviewDays (default 30) days ago and no practitioner has
/// reviewed the answers with the patient within that many days: a plain confirmation is then refused
/// (rule screening.review-due) until a practitioner reviews them. Judged at the time of the answer.
/// </param>
/// <param name="Answers">
/// The current answer to each screening question answered (GET /screening/questions). A question missing here is
/// unanswered, which the rules read as unknown, never "no". Null = the caller did not ask for them.
/// </param>
/// <param name="DateOfBirth">The patient's date of birth (age rules).</param>
public sealed record PatientScreening(
    Guid PatientId,
    IReadOnlyList<ConditionEntry> Conditions,
    IReadOnlyList<MedicationEntry> Medications,
    IReadOnlyList<SkinFindingEntry> SkinFindings,
    PregnancyEntry? Pregnancy,
    IReadOnlyList<string> Allergies,
    ScreeningConfirmationInfo? LastConfirmation = null,
    bool ReviewDue = false,
    IReadOnlyList<ScreeningQuestionAnswer>? Answers = null,
    DateOnly? DateOfBirth = null);

/// <summary>The current answer to one screening question.</summary>
/// <param name="QuestionId">Question id, e.g. "sunburn-tan".</param>
/// <param name="Value">The choice given, e.g. "yes", "no", "spreading", "IV".</param>
/// <param name="OccurredOn">The date the answer gives (e.g. the day of the sunburn), when the question asks one.</param>
/// <param name="Areas">Body-area codes the answer concerns; null = anywhere.</param>
/// <param name="Detail">Free text, e.g. the names of blood thinners.</param>
/// <param name="AnsweredAtUtc">When it was recorded (UTC).</param>
/// <param name="GivenBy">Who gave it: patient, guardian or practitioner.</param>
public sealed record ScreeningQuestionAnswer(string QuestionId, string Value, DateOnly? OccurredOn, IReadOnlyList<string>? Areas,
    string? Detail, DateTime AnsweredAtUtc, string GivenBy);

/// <summary>One reconfirmation of a patient's screening answers.</summary>
/// <param name="ConfirmedAtUtc">When it was recorded (UTC).</param>
/// <param name="ConfirmedBy">Who said the answers still hold: "patient" or "practitioner".</param>
/// <param name="Actor">The staff account that recorded it.</param>
/// <param name="Reviewed">True when a practitioner went through every answer with the patient.</param>
public sealed record ScreeningConfirmationInfo(DateTime ConfirmedAtUtc, string ConfirmedBy, string Actor, bool Reviewed);

/// <summary>A condition with its body area and dates.</summary>
/// <param name="Code">Condition code.</param><param name="Area">Body-area code (GET /body-areas), if local; it covers every area inside it.</param>
/// <param name="OnsetOn">Onset date.</param><param name="ResolvedOn">Resolution date; null while active.</param>
/// <param name="Severity">mild, moderate or severe, as the practitioner grades it; null when ungraded.</param>
public sealed record ConditionEntry(string Code, string? Area, DateOnly? OnsetOn, DateOnly? ResolvedOn, string? Severity = null);

/// <summary>A medication.</summary>
/// <param name="Name">Medication name as recorded.</param><param name="ClassCode">Class, e.g. "anticoagulant".</param>
/// <param name="StartedOn">Start date.</param><param name="StoppedOn">Stop date; null while taken.</param>
public sealed record MedicationEntry(string Name, string ClassCode, DateOnly? StartedOn, DateOnly? StoppedOn);

/// <summary>A skin finding in one area.</summary>
/// <param name="Code">Finding code.</param><param name="Area">Body-area code (GET /body-areas), or null for anywhere.</param><param name="Severity">mild, moderate or severe.</param>
/// <param name="ObservedOn">Date observed.</param><param name="ResolvedOn">Date resolved; null while present.</param>
public sealed record SkinFindingEntry(string Code, string? Area, string? Severity, DateOnly ObservedOn, DateOnly? ResolvedOn);

/// <summary>A pregnancy.</summary>
/// <param name="LastMenstrualPeriodOn">First day of the last menstrual period, if known.</param>
/// <param name="EndedOn">Date the pregnancy ended; null while pregnant.</param>
public sealed record PregnancyEntry(DateOnly? LastMenstrualPeriodOn, DateOnly? EndedOn);
