using Needling.SharedKernel.Audit;

namespace Needling.Consent.Domain;

/// <summary>
/// A signed consent. The PDF is rendered once, at signing, and stored with its SHA-256; it is served
/// byte for byte ever after and never rendered again from a newer template.
/// </summary>
internal sealed class SignedConsent : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RequestId { get; init; }
    public Guid PatientId { get; init; }
    public string TreatmentCode { get; init; } = "";
    public int TemplateVersion { get; init; }
    public string Language { get; init; } = "";
    public string TypedName { get; init; } = "";
    public byte[] SignaturePng { get; init; } = [];
    public DateTime SignedAtUtc { get; init; }
    public string Channel { get; init; } = "";
    public string? IpAddress { get; init; }
    public string? UserAgent { get; init; }
    public byte[] Pdf { get; init; } = [];
    public string PdfSha256 { get; init; } = "";
    public DateTime ExpiresAtUtc { get; init; }
    public DateTime? WithdrawnAtUtc { get; set; }
    public string? WithdrawnBy { get; set; }
    public string? WithdrawalReason { get; set; }
}
