using Needling.SharedKernel.Audit;

namespace Needling.Sessions.Domain;

/// <summary>
/// One needling session: started by the practitioner from a checked-in appointment once every check passed,
/// recorded (a structured record, <see cref="SessionRecord"/>), and ended by signing, which locks it. A later
/// correction is a <see cref="SessionAmendment"/> kept beside the original, never an edit.
/// </summary>
internal sealed class TreatmentSession : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AppointmentId { get; init; }
    public Guid PatientId { get; init; }
    public Guid PractitionerId { get; init; }
    public Guid? DeviceId { get; init; }
    public string TreatmentCode { get; init; } = "";
    public string Indication { get; init; } = "";
    public DateTime AppointmentStartUtc { get; init; }
    public DateTime StartedAtUtc { get; init; }
    public string StartedBy { get; init; } = "";
    /// <summary>The body areas screened at the start, as JSON; the record may treat only these (or areas inside them).</summary>
    public string PlannedAreasJson { get; init; } = "[]";
    /// <summary>The rule-set version and outcome of the eligibility question asked at the start.</summary>
    public int RuleSetVersion { get; init; }
    public string EligibilityOutcome { get; init; } = "";
    /// <summary>The consent the session went ahead on.</summary>
    public Guid ConsentId { get; init; }
    public string Status { get; set; } = SessionStatus.InProgress;
    /// <summary>The record as first written and signed (JSON of <see cref="SessionRecord"/>); null until recorded.</summary>
    public string? RecordJson { get; set; }
    public int? RecordRuleSetVersion { get; set; }
    public DateTime? RecordedAtUtc { get; set; }
    public DateTime? SignedAtUtc { get; set; }
    public string? SignedBy { get; set; }
    /// <summary>First local date the protocol's interval allows another session, fixed at signing.</summary>
    public DateOnly? NextEligibleOn { get; set; }
    /// <summary>Raised on every change: two practitioners saving at once cannot overwrite each other.</summary>
    public int Revision { get; set; }
}

internal static class SessionStatus
{
    public const string InProgress = "in-progress";
    public const string Signed = "signed";
}
