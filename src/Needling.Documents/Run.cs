namespace Needling.Documents;

/// <summary>
/// A piece of text with one style, for paragraphs that mix bold and regular text:
/// <c>doc.Paragraph(new Run("Do not ", Bold: false), new Run("touch the area", Bold: true))</c>.
/// The text may mix English, Japanese and Thai; each script is drawn with a font that covers it.
/// Thai has no spaces between words: put U+200B (zero-width space) between Thai words so that lines can break there.
/// </summary>
/// <param name="Text">The text; <c>\n</c> forces a line break, U+200B marks a break opportunity and is not drawn.</param>
/// <param name="Bold">Bold face (simulated where the font has no bold, e.g. IPAGothic).</param>
public sealed record Run(string Text, bool Bold = false);
