using System.Collections.Frozen;

namespace Needling.ClinicalRules;

// The codes the default rule set speaks (clinical-defaults.md). A clinic may add its own codes in its rule
// set; these sets let callers validate input against the defaults.
public static class Codes
{
    // Treatments
    public const string MnPen = "MN-PEN";
    public const string MnRoller = "MN-ROLLER";
    public const string DryNeedling = "DRY-NEEDLING";
    public const string UcMsc = "UC-MSC";

    // Indications
    public const string Hyperpigmentation = "hyperpigmentation";
    public const string Hypopigmentation = "hypopigmentation";
    public const string IdiopathicGuttateHypomelanosis = "idiopathic-guttate-hypomelanosis";
    public const string AcneScars = "acne-scars";
    public const string Musculoskeletal = "musculoskeletal";
    public const string CosmeticFacial = "cosmetic-facial";
    public const string Pigmentation = "pigmentation";

    // Conditions
    public const string BleedingDisorder = "bleeding-disorder";
    public const string KeloidHistory = "keloid-history";
    public const string NeedlePhobia = "needle-phobia";
    public const string UnableToConsent = "unable-to-consent";
    public const string Lymphoedema = "lymphoedema";
    public const string InflammatorySkinCondition = "inflammatory-skin-condition";

    // Medication classes
    public const string Anticoagulant = "anticoagulant";
    public const string Antiplatelet = "antiplatelet";
    public const string Isotretinoin = "isotretinoin";

    // Skin findings
    public const string ActiveInfection = "active-infection";
    public const string ColdSore = "cold-sore";
    public const string InflammatoryCondition = "inflammatory-condition";
    public const string Acne = "acne";

    // Skin finding severities, in increasing order
    public const string Mild = "mild";
    public const string Moderate = "moderate";
    public const string Severe = "severe";

    // Qualifications
    public const string MicroneedlingDeviceTraining = "microneedling-device-training";
    public const string DryNeedlingCertification = "dry-needling-certification";
    public const string FacialAnatomyTraining = "facial-anatomy-training";
    public const string Physician = "physician";

    // Zones: the facial zones of the manufacturer depth charts, scars, and "body" (trunk and limbs, where
    // idiopathic guttate hypomelanosis usually sits and the facial chart does not apply).
    public const string Periorbital = "periorbital";
    public const string Nose = "nose";
    public const string UpperLip = "upper-lip";
    public const string Forehead = "forehead";
    public const string Cheeks = "cheeks";
    public const string Chin = "chin";
    public const string Scar = "scar";
    public const string Body = "body";

    public static IReadOnlySet<string> Treatments { get; } = Set(MnPen, MnRoller, DryNeedling, UcMsc);

    public static IReadOnlySet<string> Indications { get; } = Set(Hyperpigmentation, Hypopigmentation,
        IdiopathicGuttateHypomelanosis, AcneScars, Musculoskeletal, CosmeticFacial, Pigmentation);

    public static IReadOnlySet<string> Conditions { get; } = Set(BleedingDisorder, KeloidHistory, NeedlePhobia,
        UnableToConsent, Lymphoedema, InflammatorySkinCondition);

    public static IReadOnlySet<string> MedicationClasses { get; } = Set(Anticoagulant, Antiplatelet, Isotretinoin);

    public static IReadOnlySet<string> SkinFindings { get; } = Set(ActiveInfection, ColdSore, InflammatoryCondition, Acne);

    public static IReadOnlySet<string> SkinFindingSeverities { get; } = Set(Mild, Moderate, Severe);

    public static IReadOnlySet<string> Qualifications { get; } = Set(MicroneedlingDeviceTraining,
        DryNeedlingCertification, FacialAnatomyTraining, Physician);

    public static IReadOnlySet<string> Zones { get; } = Set(Periorbital, Nose, UpperLip, Forehead, Cheeks, Chin, Scar, Body);

    private static IReadOnlySet<string> Set(params string[] codes) => codes.ToFrozenSet(StringComparer.Ordinal);
}
