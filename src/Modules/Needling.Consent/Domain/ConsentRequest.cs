using Needling.SharedKernel.Audit;

namespace Needling.Consent.Domain;

/// <summary>A consent the clinic needs from a patient for a treatment: open until signed or cancelled.</summary>
internal sealed class ConsentRequest : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public string TreatmentCode { get; init; } = "";
    public Guid? AppointmentId { get; set; }
    public string Status { get; set; } = ConsentRequestStatus.Open;
    public Guid? SignedConsentId { get; set; }
    public DateTime CreatedAtUtc { get; init; }
}

internal static class ConsentRequestStatus
{
    public const string Open = "open";
    public const string Signed = "signed";
    public const string Cancelled = "cancelled";
}
