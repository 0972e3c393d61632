using System.Collections.Frozen;

namespace Needling.Sessions.Recording;

/// <summary>The closed lists of the session record, so that records can be counted and compared.</summary>
internal static class RecordVocabulary
{
    public static readonly IReadOnlySet<string> SterileKinds = Set("cartridge", "roller");

    // Endpoints a practitioner aims for (clinical-defaults.md, session record): pinpoint bleeding for scars,
    // even erythema for pigmentation; a local twitch response in dry needling.
    public static readonly IReadOnlySet<string> Endpoints = Set("pinpoint-bleeding", "even-erythema", "mild-erythema", "local-twitch-response", "none", "other");

    public static readonly IReadOnlySet<string> AdverseEventTypes = Set(
        "bruising", "bleeding-beyond-endpoint", "pain", "vasovagal", "burn", "infection-signs", "allergic-reaction", "pneumothorax-symptoms", "other");

    public static readonly IReadOnlySet<string> Severities = Set("mild", "moderate", "severe");

    public static readonly IReadOnlySet<string> Sides = Set("left", "right", "bilateral", "midline");

    private static IReadOnlySet<string> Set(params string[] values) => values.ToFrozenSet(StringComparer.Ordinal);
}
