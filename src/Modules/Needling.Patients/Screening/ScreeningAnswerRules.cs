using System.Text.RegularExpressions;
using Needling.ClinicalRules;
using Needling.Patients.Domain;
using Needling.SharedKernel.Errors;

namespace Needling.Patients.Screening;

/// <summary>
/// Codes come from the rules vocabulary so that the rules engine can read them; "other" with a name
/// records anything the rules do not know about (it is kept, and shown to the practitioner).
/// </summary>
internal static partial class ScreeningAnswerRules
{
    public const string Other = "other";

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex Slug();

    // An area outside the vocabulary could not be placed in the body hierarchy, so the rules would have to read it
    // as "everywhere"; refusing it at the desk keeps the answer useful. No area at all means the whole body.
    private static readonly string AreaCodes =
        $"must be a body-area code: {string.Join(", ", BodyAreaVocabulary.Default.All.Select(a => a.Code))}; or leave it out when the finding is not local.";

    public static void Validate(ScreeningAnswer a)
    {
        var v = new Validator()
            .OneOf(a.Kind, ScreeningKinds.All, "kind")
            .MaxLength(a.Name, "name", 200)
            .MaxLength(a.Notes, "notes", 2000)
            .Require(a.Area is null || BodyAreaVocabulary.Default.Contains(a.Area), "area", AreaCodes)
            .Require(a.Severity is null || ScreeningKinds.Severities.Contains(a.Severity), "severity", "must be mild, moderate or severe.")
            .Require(a.StartedOn is null || a.EndedOn is null || a.StartedOn <= a.EndedOn, "endedOn", "must not be before startedOn.");
        switch (a.Kind)
        {
            case ScreeningKinds.Condition:
                v.Require(a.Code == Other || Codes.Conditions.Contains(a.Code), "code", $"must be one of: {string.Join(", ", Codes.Conditions.Order())}, or other.");
                v.Require(a.Code != Other || !string.IsNullOrWhiteSpace(a.Name), "name", "describe the condition when the code is other.");
                break;
            case ScreeningKinds.Medication:
                v.Require(a.Code == Other || Codes.MedicationClasses.Contains(a.Code), "code", $"must be a medication class: {string.Join(", ", Codes.MedicationClasses.Order())}, or other.");
                v.NotBlank(a.Name, "name", 200);
                break;
            case ScreeningKinds.Allergy:
                v.Require(Slug().IsMatch(a.Code ?? ""), "code", "must be a lower-case code such as lidocaine or latex.");
                break;
            case ScreeningKinds.SkinFinding:
                v.Require(Codes.SkinFindings.Contains(a.Code), "code", $"must be one of: {string.Join(", ", Codes.SkinFindings.Order())}.");
                v.Require(a.StartedOn is not null, "startedOn", "the date the finding was observed is required.");
                v.Require(a.Code != "acne" || a.Severity is not null, "severity", "acne needs a severity.");
                break;
            case ScreeningKinds.Pregnancy:
                v.Require(a.Code == "pregnancy", "code", "must be pregnancy.");
                break;
        }
        v.ThrowIfInvalid();
    }
}
