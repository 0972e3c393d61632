using Needling.ClinicalRules;

namespace Needling.Fhir.Terminology;

internal sealed record SnomedConcept(string Code, string Display);

/// <summary>
/// The one table from the service's own codes to SNOMED CT (docs/fhir.md repeats it for readers). Null = no standard
/// concept we are confident of: the local code alone is exported. Every coded element also carries the local code,
/// which stays the exact meaning. Codes were checked against published FHIR, DICOM and IG examples, never guessed.
/// </summary>
internal static class Snomed
{
    public static readonly IReadOnlyDictionary<string, SnomedConcept?> BodyAreas = new Dictionary<string, SnomedConcept?>(StringComparer.Ordinal)
    {
        ["face"] = new("89545001", "Face structure"),
        ["forehead"] = new("52795006", "Forehead structure"),
        ["periorbital"] = null,
        ["nose"] = new("45206002", "Nasal structure"),
        ["cheeks"] = new("60819002", "Cheek structure"),
        ["upper-lip"] = null,
        ["chin"] = new("30291003", "Chin structure"),
        ["jawline"] = null,
        ["neck"] = new("45048000", "Neck structure"),
        ["chest"] = new("51185008", "Thoracic structure"),
        ["back"] = new("77568009", "Back structure, excluding neck"),
        ["upper-back"] = null,
        ["lower-back"] = new("37822005", "Lower back structure"),
        ["abdomen"] = new("113345001", "Abdominal structure"),
        ["scalp"] = new("41695006", "Scalp structure"),
        ["shoulder-left"] = new("91775009", "Structure of left shoulder region"),
        ["shoulder-right"] = new("91774008", "Structure of right shoulder region"),
        // The whole limb: broader than the vocabulary's arm, which leaves the hand to an area of its own.
        ["arm-left"] = new("80768000", "Structure of left upper limb"),
        ["arm-right"] = new("6921000", "Structure of right upper limb"),
        ["hand-left"] = new("85151006", "Structure of left hand"),
        ["hand-right"] = new("78791008", "Structure of right hand"),
        ["leg-left"] = new("32153003", "Structure of left lower limb"),
        ["leg-right"] = new("62175007", "Structure of right lower limb"),
    };

    /// <summary>No SNOMED CT procedure for microneedling, dry needling or UC-MSC application was confirmed: all local.</summary>
    public static readonly IReadOnlyDictionary<string, SnomedConcept?> Treatments = new Dictionary<string, SnomedConcept?>(StringComparer.Ordinal)
    {
        ["MN-PEN"] = null,
        ["MN-ROLLER"] = null,
        ["DRY-NEEDLING"] = null,
        ["UC-MSC"] = null,
    };

    public static string AreaName(string code) => BodyAreaVocabulary.Default.Name(code, "en");
}
