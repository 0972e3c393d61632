using MediatR;

namespace Needling.Contracts.Consent;

/// <summary>Asks for every consent one patient signed, oldest first (empty for an unknown patient).</summary>
/// <param name="PatientId">Patient id.</param>
public sealed record GetPatientConsents(Guid PatientId) : IRequest<IReadOnlyList<SignedConsentRecord>>;

/// <summary>A signed consent and its stored PDF (rendered once, at signing, and served byte for byte since).</summary>
/// <param name="Id">Signed consent id.</param>
/// <param name="RequestId">The consent request it answered.</param>
/// <param name="AppointmentId">The appointment that asked for it, if any.</param>
/// <param name="TreatmentCode">The treatment consented to.</param>
/// <param name="TemplateVersion">The version of the form signed.</param>
/// <param name="Language">The language of the form signed (en, ja, th).</param>
/// <param name="SignedAtUtc">When it was signed (UTC).</param>
/// <param name="ExpiresAtUtc">When it stops being valid by age.</param>
/// <param name="WithdrawnAtUtc">When the patient withdrew it, if they did.</param>
/// <param name="State">
/// valid, withdrawn, superseded (a newer form requiring consent again, or a newer signed consent to the same
/// treatment) or expired, as of the time asked.
/// </param>
/// <param name="Channel">Where it was signed: tablet or link.</param>
/// <param name="PdfPath">Where the API serves the PDF to staff, e.g. /consent/signed/{id}/pdf.</param>
/// <param name="PdfSize">The PDF's length in bytes.</param>
/// <param name="PdfSha256">SHA-256 of the PDF as stored at signing (lower-case hex; the X-Content-SHA256 header).</param>
/// <param name="PdfSha1">SHA-1 of the same bytes, base64 (what FHIR R4 Attachment.hash holds).</param>
public sealed record SignedConsentRecord(
    Guid Id, Guid RequestId, Guid? AppointmentId, string TreatmentCode, int TemplateVersion, string Language, DateTime SignedAtUtc,
    DateTime ExpiresAtUtc, DateTime? WithdrawnAtUtc, string State, string Channel, string PdfPath, long PdfSize, string PdfSha256, string PdfSha1);
