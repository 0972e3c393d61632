using System.Globalization;
using System.Text;
using Needling.Documents.Fonts;

namespace Needling.Documents.Text;

/// <summary>
/// Text from patients (a name in any script, an emoji) must never stop a document: a character that no installed
/// font has becomes U+FFFD, a visible mark that also reads as "unknown character" in the extracted text. Invisible
/// format characters without a glyph (emoji variation selectors, zero-width joiners) are dropped instead. Where the
/// script's own font is missing altogether the character is kept, so that layout still fails naming the package.
/// </summary>
internal static class Replacements
{
    public const char Replacement = '\uFFFD';

    public static string Apply(string text, FontCatalog fonts)
    {
        StringBuilder? changed = null;
        for (int i = 0; i < text.Length;)
        {
            int cp = Scripts.CodePointAt(text, i), length = cp > 0xFFFF ? 2 : 1;
            string? instead = Covered(cp, fonts) ? null
                : IsInvisible(cp) ? ""
                : fonts.Fallback(Replacement) is not null || fonts.TryGet(TextScript.Latin)?.Covers(Replacement) == true ? Replacement.ToString() : "?";
            if (instead is not null)
            {
                changed ??= new StringBuilder(text, 0, i, text.Length);
                changed.Append(instead);
            }
            else
            {
                changed?.Append(text, i, length);
            }
            i += length;
        }
        return changed?.ToString() ?? text;
    }

    private static bool Covered(int cp, FontCatalog fonts) =>
        cp is '\n' or Scripts.ZeroWidthSpace
        || fonts.TryGet(Scripts.Of(cp)) is not { } own || own.Covers(cp) || fonts.Fallback(cp) is not null;

    private static bool IsInvisible(int cp) =>
        cp is >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF or >= 0xE0000 and <= 0xE007F
        || CharUnicodeInfo.GetUnicodeCategory(cp) == UnicodeCategory.Format;
}
