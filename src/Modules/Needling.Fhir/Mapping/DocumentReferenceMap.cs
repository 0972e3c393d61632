using Hl7.Fhir.Model;
using Needling.Contracts.Aftercare;
using Needling.Contracts.Consent;
using Needling.Fhir.Gathering;
using Needling.Fhir.Terminology;
using Needling.SharedKernel.Hosting;

namespace Needling.Fhir.Mapping;

/// <summary>
/// The documents the service keeps, each under the address the API already serves it at: signed consent PDFs
/// (same id as their Consent) and aftercare sheets (same id as the sheet; related to the session's Procedure).
/// </summary>
internal static class DocumentReferenceMap
{
    public static IEnumerable<DocumentReference> From(PatientRecord r, PublicAddress address) =>
        r.Consents.Select(c => Consent(c, r, address)).Concat(r.Sheets.Select(s => Sheet(s, r, address)));

    private static DocumentReference Consent(SignedConsentRecord c, PatientRecord r, PublicAddress address) => new()
    {
        Id = Elements.Id(c.Id),
        Status = DocumentReferenceStatus.Current,
        DocStatus = CompositionStatus.Final,
        Type = ConsentMap.ConsentDocument(),
        Subject = Elements.Ref("Patient", r.Patient.Id),
        Date = Elements.Instant(c.SignedAtUtc),
        Description = "Signed consent form, rendered once at signing",
        Content = [new DocumentReference.ContentComponent { Attachment = ConsentMap.Document(c, r, address) }],
        Context = new DocumentReference.ContextComponent { Related = [Elements.Ref("Consent", c.Id)] },
    };

    private static DocumentReference Sheet(AftercareSheetRecord s, PatientRecord r, PublicAddress address) => new()
    {
        Id = Elements.Id(s.Id),
        Status = DocumentReferenceStatus.Current,
        DocStatus = CompositionStatus.Final,
        // No LOINC document type was confirmed for a patient's aftercare instructions: local.
        Type = Elements.Local(CodeSystems.DocumentType, "aftercare-sheet", "Aftercare sheet"),
        Subject = Elements.Ref("Patient", r.Patient.Id),
        Date = Elements.Instant(s.CreatedAtUtc),
        Author = [PractitionerMap.Ref(s.PractitionerId, r.Practitioners)],
        Description = "Aftercare sheet of a signed session, in the patient's language",
        Content =
        [
            new DocumentReference.ContentComponent
            {
                Attachment = Elements.Pdf(address.Absolute(s.PdfPath), s.PdfSize, s.PdfSha1, s.PdfSha256, s.Language, s.CreatedAtUtc,
                    $"Aftercare: {r.TreatmentNames.GetValueOrDefault(s.TreatmentCode) ?? s.TreatmentCode}"),
            },
        ],
        Context = new DocumentReference.ContextComponent
        {
            Related = [Elements.Ref("Procedure", s.SessionId), Elements.Ref("Appointment", s.AppointmentId)],
        },
    };
}
