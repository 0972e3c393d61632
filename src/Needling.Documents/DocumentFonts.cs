using Needling.Documents.Fonts;

namespace Needling.Documents;

/// <summary>Process-wide font configuration, for documents whose <see cref="DocumentSettings.Fonts"/> is not set.</summary>
public static class DocumentFonts
{
    private static volatile FontSettings current = FontSettings.SystemDefault;

    /// <summary>The settings used by documents that do not set their own.</summary>
    public static FontSettings Current => current;

    /// <summary>Sets the font folders for every later document that does not set its own (e.g. once at start-up).</summary>
    public static void Configure(FontSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        current = settings;
    }

    /// <summary>
    /// Throws <see cref="MissingFontException"/> unless a font is installed for each script (all three if none given),
    /// so a host can fail at start-up instead of at the first consent signing.
    /// </summary>
    public static void EnsureAvailable(FontSettings? settings = null, params TextScript[] scripts)
    {
        var catalog = FontCatalog.For(settings ?? current);
        foreach (var script in scripts.Length > 0 ? scripts : Enum.GetValues<TextScript>())
        {
            catalog.Get(script);
        }
    }
}
