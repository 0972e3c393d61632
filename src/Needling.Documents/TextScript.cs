namespace Needling.Documents;

/// <summary>The scripts the document layer draws, each with its own font.</summary>
public enum TextScript
{
    /// <summary>Latin and every other character that is not Japanese or Thai (digits, punctuation, symbols).</summary>
    Latin,

    /// <summary>Kana, kanji, CJK punctuation and fullwidth forms.</summary>
    Japanese,

    /// <summary>The Thai block, U+0E00 to U+0E7F.</summary>
    Thai,
}
