namespace Needling.Fhir.Terminology;

/// <summary>
/// The code systems and URLs the export writes. Local ones sit under one fixed base, not the clinic's address: the
/// vocabulary is the product's, so the same code means the same thing in every clinic's export.
/// </summary>
internal static class CodeSystems
{
    public const string Snomed = "http://snomed.info/sct";
    public const string Loinc = "http://loinc.org";
    public const string Bcp47 = "urn:ietf:bcp:47";
    public const string Uri = "urn:ietf:rfc:3986";
    public const string ConsentScope = "http://terminology.hl7.org/CodeSystem/consentscope";

    private const string Local = "https://needling.dev/fhir/";
    public const string BodyArea = Local + "CodeSystem/body-area";
    public const string Treatment = Local + "CodeSystem/treatment";
    public const string Indication = Local + "CodeSystem/indication";
    public const string Rule = Local + "CodeSystem/rule";
    public const string AdverseEvent = Local + "CodeSystem/adverse-event";
    public const string DocumentType = Local + "CodeSystem/document-type";
    public const string Mitigation = Local + "CodeSystem/mitigation";
    public const string DeviceSerial = Local + "sid/device-serial";
    public const string DeviceId = Local + "sid/device";
    public const string RoomId = Local + "sid/room";

    /// <summary>
    /// FHIR R4 defines Attachment.hash as the SHA-1 of the data (base64), so hash carries SHA-1 computed from the stored
    /// bytes; the SHA-256 the service stored at signing and serves in X-Content-SHA256 rides in this extension, as
    /// lower-case hex so that it compares with that header as it is.
    /// </summary>
    public const string Sha256Extension = Local + "StructureDefinition/attachment-sha256";
}
