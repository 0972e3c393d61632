using Needling.ClinicalRules;

namespace Needling.Sessions.Recording;

/// <summary>The body-area vocabulary (clinical-defaults.md, Body areas) as the session record uses it.</summary>
internal static class BodyAreas
{
    public static bool IsKnown(string code) => BodyAreaVocabulary.Default.Contains(code);

    /// <summary>True when <paramref name="area"/> is one of the areas screened at the start, or inside one ("face" covers "cheeks").</summary>
    public static bool IsScreened(IReadOnlyList<string> planned, string area) => planned.Any(p => BodyAreaVocabulary.Default.Covers(p, area));

    /// <summary>The depth-chart zone; null for an area that has none of its own ("face": depth is recorded per part of it).</summary>
    public static string? DepthZone(string code) => BodyAreaVocabulary.Default.DepthZone(code);
}
