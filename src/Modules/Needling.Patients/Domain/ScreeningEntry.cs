using Needling.SharedKernel.Audit;

namespace Needling.Patients.Domain;

/// <summary>
/// One revision of one screening answer. A change never overwrites a row: it supersedes it with a new
/// revision of the same <see cref="EntryKey"/>, so who said what, and when, stays on record.
/// </summary>
internal sealed class ScreeningEntry : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public Guid EntryKey { get; init; }
    public int Revision { get; init; }
    public string Kind { get; init; } = "";
    public string Code { get; init; } = "";
    /// <summary>Free text: the medication's or allergy's name, or a description of an "other" condition.</summary>
    public string? Name { get; init; }
    public string? Area { get; init; }
    public string? Severity { get; init; }
    public DateOnly? StartedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
    public string? Notes { get; init; }
    public bool Removed { get; init; }
    public string RecordedBy { get; init; } = "";
    public DateTime RecordedAtUtc { get; init; }
    public DateTime? SupersededAtUtc { get; set; }

    public bool IsCurrent => SupersededAtUtc is null && !Removed;
}

internal static class ScreeningKinds
{
    public const string Condition = "condition";
    public const string Medication = "medication";
    public const string Allergy = "allergy";
    public const string SkinFinding = "skin-finding";
    public const string Pregnancy = "pregnancy";

    public static readonly IReadOnlySet<string> All =
        new HashSet<string>(StringComparer.Ordinal) { Condition, Medication, Allergy, SkinFinding, Pregnancy };

    public static readonly IReadOnlySet<string> Severities =
        new HashSet<string>(StringComparer.Ordinal) { "mild", "moderate", "severe" };
}
