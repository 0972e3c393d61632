using Hl7.Fhir.Model;
using Needling.Fhir.Terminology;

namespace Needling.Fhir.Mapping;

/// <summary>The small building blocks every resource uses: references, instants, coded concepts, hashed attachments.</summary>
internal static class Elements
{
    public static ResourceReference Ref(string type, Guid id, string? display = null) => new($"{type}/{Id(id)}") { Display = display };

    public static string Id(Guid id) => id.ToString("D");

    /// <summary>A stored UTC time as a FHIR dateTime/instant with its offset (+00:00).</summary>
    public static DateTimeOffset Instant(System.DateTime utc) => new(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>The same form as the SDK writes a dateTime: fractions of a second only where there are some.</summary>
    public static string Time(System.DateTime utc) => Instant(utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", System.Globalization.CultureInfo.InvariantCulture);

    public static FhirDateTime DateTimeOf(System.DateTime utc) => new(Time(utc));

    /// <summary>A standard code with its display on the coding (the SDK's own constructor puts the display in text only).</summary>
    public static CodeableConcept Standard(string system, string code, string display) =>
        new() { Coding = [new Coding(system, code, display)], Text = display };

    public static CodeableConcept Local(string system, string code, string? display = null) =>
        new() { Coding = [new Coding(system, code, display)], Text = display ?? code };

    /// <summary>A body area: SNOMED CT where the table has a concept, and always the vocabulary's own code.</summary>
    public static CodeableConcept BodySite(string area) => WithSnomed(Snomed.BodyAreas.GetValueOrDefault(area), CodeSystems.BodyArea, area, Snomed.AreaName(area));

    /// <summary>A treatment: local (no SNOMED CT concept confirmed for any of them), with the clinic's name for it.</summary>
    public static CodeableConcept Treatment(string code, IReadOnlyDictionary<string, string> names) =>
        WithSnomed(Snomed.Treatments.GetValueOrDefault(code), CodeSystems.Treatment, code, names.GetValueOrDefault(code) ?? code);

    public static CodeableConcept Indication(string code) => Local(CodeSystems.Indication, code);

    private static CodeableConcept WithSnomed(SnomedConcept? snomed, string localSystem, string code, string display)
    {
        var concept = new CodeableConcept { Text = display };
        if (snomed is not null)
        {
            concept.Coding.Add(new Coding(CodeSystems.Snomed, snomed.Code, snomed.Display));
        }
        concept.Coding.Add(new Coding(localSystem, code, display));
        return concept;
    }

    /// <summary>A stored PDF as the API serves it: its address, size, SHA-1 (R4's Attachment.hash) and SHA-256 (extension).</summary>
    public static Attachment Pdf(string url, long size, string sha1Base64, string sha256Hex, string language, System.DateTime createdUtc, string title)
    {
        var attachment = new Attachment
        {
            ContentType = "application/pdf",
            Language = language,
            Url = url,
            // R4's size is an unsignedInt: a PDF of the service's (a few hundred kB) is far below it.
            SizeUnsignedInt = checked((int)size),
            Hash = Convert.FromBase64String(sha1Base64),
            Title = title,
            Creation = Time(createdUtc),
        };
        attachment.Extension.Add(new Extension(CodeSystems.Sha256Extension, new FhirString(sha256Hex)));
        return attachment;
    }
}
