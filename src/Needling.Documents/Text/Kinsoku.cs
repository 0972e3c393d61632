namespace Needling.Documents.Text;

/// <summary>
/// Japanese line-breaking rules (kinsoku shori), a deliberately small set after JIS X 4051 and the W3C's
/// "Requirements for Japanese Text Layout": enough for clinic forms, not a full implementation.
/// </summary>
internal static class Kinsoku
{
    /// <summary>
    /// Never at the start of a line: closing brackets and quotes, sentence punctuation (、。，．：；！？), the middle dot ・,
    /// the prolonged sound mark ー and wave dash ～, small kana (ぁぃぅぇぉっゃゅょゎ and katakana), iteration marks
    /// (々ゝゞヽヾ), halfwidth forms of these, and ASCII closing punctuation.
    /// </summary>
    public const string CannotStart =
        "」』）］｝〕〉》】〙〗〟’”" + "、。，．：；！？‼" + "・ー～〜" + "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
        + "々〻ゝゞヽヾ" + "｡｣､･ｰｧｨｩｪｫｬｭｮｯ" + ")]},.:;!?%";

    /// <summary>Never at the end of a line: opening brackets and quotes.</summary>
    public const string CannotEnd = "「『（［｛〔〈《【〘〖〝‘“" + "([{";

    public static bool CannotStartLine(int cp) => cp <= 0xFFFF && CannotStart.Contains((char)cp, StringComparison.Ordinal);

    public static bool CannotEndLine(int cp) => cp <= 0xFFFF && CannotEnd.Contains((char)cp, StringComparison.Ordinal);
}
