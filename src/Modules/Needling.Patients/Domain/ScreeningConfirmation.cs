using Needling.SharedKernel.Audit;

namespace Needling.Patients.Domain;

/// <summary>
/// The patient's screening answers reconfirmed on the day of a session (clinical-defaults.md: answers are dated
/// and reconfirmed on the day). Reviewed means a practitioner went through every answer with the patient, which
/// a plain confirmation at the desk cannot replace once the answers are old (<see cref="ScreeningReviewPolicy"/>).
/// </summary>
internal sealed class ScreeningConfirmation : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public DateTime ConfirmedAtUtc { get; init; }
    /// <summary>Who said the answers still hold: patient or practitioner (<see cref="ScreeningConfirmers"/>).</summary>
    public string ConfirmedBy { get; init; } = "";
    /// <summary>The staff account that recorded the confirmation.</summary>
    public string Actor { get; init; } = "";
    public bool Reviewed { get; init; }
}

internal static class ScreeningConfirmers
{
    public const string Patient = "patient";
    public const string Practitioner = "practitioner";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Patient, Practitioner };
}
