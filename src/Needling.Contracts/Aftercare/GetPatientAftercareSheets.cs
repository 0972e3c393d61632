using MediatR;

namespace Needling.Contracts.Aftercare;

/// <summary>Asks for every aftercare sheet written for one patient, oldest first (empty for an unknown patient).</summary>
/// <param name="PatientId">Patient id.</param>
public sealed record GetPatientAftercareSheets(Guid PatientId) : IRequest<IReadOnlyList<AftercareSheetRecord>>;

/// <summary>The aftercare sheet of one signed session (rendered once, when the session was signed).</summary>
/// <param name="Id">Sheet id.</param>
/// <param name="SessionId">The session it was written for.</param>
/// <param name="AppointmentId">The appointment of that session.</param>
/// <param name="PractitionerId">The treating practitioner.</param>
/// <param name="TreatmentCode">Treatment code.</param>
/// <param name="Language">The sheet's language (en, ja, th).</param>
/// <param name="CreatedAtUtc">When it was written (UTC).</param>
/// <param name="PdfPath">Where the API serves the PDF to staff, e.g. /sessions/{sessionId}/aftercare/pdf.</param>
/// <param name="PdfSize">The PDF's length in bytes.</param>
/// <param name="PdfSha256">SHA-256 of the stored PDF, lower-case hex.</param>
/// <param name="PdfSha1">SHA-1 of the same bytes, base64 (what FHIR R4 Attachment.hash holds).</param>
public sealed record AftercareSheetRecord(
    Guid Id, Guid SessionId, Guid AppointmentId, Guid PractitionerId, string TreatmentCode, string Language, DateTime CreatedAtUtc,
    string PdfPath, long PdfSize, string PdfSha256, string PdfSha1);
