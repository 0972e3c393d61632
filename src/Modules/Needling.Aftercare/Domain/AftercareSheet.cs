using Needling.SharedKernel.Audit;

namespace Needling.Aftercare.Domain;

/// <summary>
/// The aftercare sheet of one signed session, rendered once when the session was signed, in the patient's
/// language, and stored with its SHA-256: it is served byte for byte and never re-rendered from a newer text.
/// </summary>
internal sealed class AftercareSheet : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SessionId { get; init; }
    public Guid AppointmentId { get; init; }
    public Guid PatientId { get; init; }
    public Guid PractitionerId { get; init; }
    public string TreatmentCode { get; init; } = "";
    public string Language { get; init; } = "";
    public DateTime PerformedAtUtc { get; init; }
    public byte[] Pdf { get; init; } = [];
    public string PdfSha256 { get; init; } = "";
    public DateTime CreatedAtUtc { get; init; }
}
