using Hl7.Fhir.Model;
using Needling.Contracts.Consent;
using Needling.Fhir.Gathering;
using Needling.Fhir.Terminology;
using Needling.SharedKernel.Hosting;

namespace Needling.Fhir.Mapping;

/// <summary>
/// A signed consent: the form version signed is the policy, the signed PDF (as the API serves it) the source, and
/// the provision permits the treatment from signing until it expires. Withdrawn, superseded or expired: inactive.
/// </summary>
internal static class ConsentMap
{
    public static CodeableConcept ConsentDocument() => Elements.Standard(CodeSystems.Loinc, "59284-0", "Consent Document");

    public static IEnumerable<Hl7.Fhir.Model.Consent> From(PatientRecord r, PublicAddress address) => r.Consents.Select(c => From(c, r, address));

    private static Hl7.Fhir.Model.Consent From(SignedConsentRecord c, PatientRecord r, PublicAddress address) => new()
    {
        Id = Elements.Id(c.Id),
        Status = c.State == "valid" ? Hl7.Fhir.Model.Consent.ConsentState.Active : Hl7.Fhir.Model.Consent.ConsentState.Inactive,
        Scope = Elements.Standard(CodeSystems.ConsentScope, "treatment", "Treatment"),
        Category = [ConsentDocument()],
        Patient = Elements.Ref("Patient", r.Patient.Id),
        DateTime = Elements.Time(c.SignedAtUtc),
        Performer = [Elements.Ref("Patient", r.Patient.Id)],
        Policy = [new Hl7.Fhir.Model.Consent.PolicyComponent { Uri = address.Absolute($"/consent/templates/{Uri.EscapeDataString(c.TreatmentCode)}/versions/{c.TemplateVersion}/{c.Language}") }],
        Source = Document(c, r, address),
        Provision = new Hl7.Fhir.Model.Consent.provisionComponent
        {
            Type = Hl7.Fhir.Model.Consent.ConsentProvisionType.Permit,
            Period = new Period(Elements.DateTimeOf(c.SignedAtUtc), Elements.DateTimeOf(c.WithdrawnAtUtc ?? c.ExpiresAtUtc)),
            Code = [Elements.Treatment(c.TreatmentCode, r.TreatmentNames)],
        },
    };

    public static Attachment Document(SignedConsentRecord c, PatientRecord r, PublicAddress address) => Elements.Pdf(
        address.Absolute(c.PdfPath), c.PdfSize, c.PdfSha1, c.PdfSha256, c.Language, c.SignedAtUtc,
        $"Signed consent: {r.TreatmentNames.GetValueOrDefault(c.TreatmentCode) ?? c.TreatmentCode}, form version {c.TemplateVersion}");
}
