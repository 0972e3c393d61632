using System.Globalization;

namespace Needling.Documents.Text;

/// <summary>Which script (and so which font) a character belongs to; and the characters that belong to none.</summary>
internal static class Scripts
{
    public const char ZeroWidthSpace = '\u200B';

    /// <summary>Kana, kanji (incl. extension planes), CJK symbols and punctuation, enclosed and compatibility forms, fullwidth forms.</summary>
    public static bool IsJapanese(int cp) =>
        cp is >= 0x3000 and <= 0x30FF      // CJK symbols and punctuation, hiragana, katakana
            or >= 0x31F0 and <= 0x31FF     // small katakana extensions
            or >= 0x3200 and <= 0x4DBF     // enclosed CJK, CJK compatibility (㎜), extension A
            or >= 0x4E00 and <= 0x9FFF     // unified ideographs
            or >= 0xF900 and <= 0xFAFF     // compatibility ideographs
            or >= 0xFE30 and <= 0xFE4F     // CJK compatibility forms
            or >= 0xFF00 and <= 0xFFEF     // fullwidth and halfwidth forms
            or >= 0x20000 and <= 0x3FFFF;  // extension B onwards

    public static bool IsThai(int cp) => cp is >= 0x0E00 and <= 0x0E7F;

    /// <summary>
    /// Characters that take the script of the text around them, so "ที่ 24" draws its space in the Thai font and no
    /// extra run starts: spaces, the zero-width space, line feeds and combining marks outside the Thai block.
    /// </summary>
    public static bool IsNeutral(char c) =>
        c is ' ' or '\u00A0' or ZeroWidthSpace or '\n'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;

    public static TextScript Of(int cp) => IsJapanese(cp) ? TextScript.Japanese : IsThai(cp) ? TextScript.Thai : TextScript.Latin;

    /// <summary>A break may happen after these (and the break hides them): space and zero-width space. NBSP is not one.</summary>
    public static bool IsBreakSpace(char c) => c is ' ' or ZeroWidthSpace;

    public static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark;

    public static int CodePointAt(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? char.ConvertToUtf32(text[index], text[index + 1])
            : text[index];

    /// <summary>The code point that ends just before <paramref name="end"/>.</summary>
    public static int CodePointBefore(string text, int end) =>
        end >= 2 && char.IsLowSurrogate(text[end - 1]) && char.IsHighSurrogate(text[end - 2])
            ? char.ConvertToUtf32(text[end - 2], text[end - 1])
            : text[end - 1];
}
