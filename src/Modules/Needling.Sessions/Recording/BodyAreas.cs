namespace Needling.Sessions.Recording;

/// <summary>The body-area vocabulary as the session record uses it.</summary>
internal static class BodyAreas
{
    public static bool IsKnown(string code) => System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z][a-z0-9-]{0,63}$");

    /// <summary>True when <paramref name="area"/> is one of the areas screened at the start, or inside one.</summary>
    public static bool IsScreened(IReadOnlyList<string> planned, string area) => planned.Contains(area);
}
