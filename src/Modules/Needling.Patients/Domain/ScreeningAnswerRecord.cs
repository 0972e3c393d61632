using Needling.SharedKernel.Audit;

namespace Needling.Patients.Domain;

/// <summary>
/// One answer to one screening question (Needling.ClinicalRules screening-questions.json), dated and kept with who
/// gave it and who recorded it. A new answer to the same question supersedes the old one, which stays on record.
/// </summary>
internal sealed class ScreeningAnswerRecord : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public string QuestionId { get; init; } = "";
    public string Value { get; init; } = "";
    /// <summary>The date the answer gives (the day of the sunburn, the filler, the last spread), when it asks one.</summary>
    public DateOnly? OccurredOn { get; init; }
    /// <summary>Body-area codes, comma-separated; null = anywhere.</summary>
    public string? Areas { get; init; }
    /// <summary>Free text, e.g. the names of blood thinners.</summary>
    public string? Detail { get; init; }
    /// <summary>Who gave the answer: patient, guardian or practitioner (<see cref="AnswerGivers"/>).</summary>
    public string GivenBy { get; init; } = "";
    /// <summary>The staff account that recorded it.</summary>
    public string RecordedBy { get; init; } = "";
    public DateTime AnsweredAtUtc { get; init; }
    public DateTime? SupersededAtUtc { get; set; }

    public IReadOnlyList<string>? AreaList => Areas is null ? null : Areas.Split(',');
}

internal static class AnswerGivers
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { "patient", "guardian", "practitioner" };
}
