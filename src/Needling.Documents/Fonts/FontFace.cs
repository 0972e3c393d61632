using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Needling.Documents.Fonts;

/// <summary>
/// The font one script is drawn with: a regular file and an optional bold file, registered with the global PDFsharp
/// resolver under a family name of its own. XFont objects are cached per size and weight because creating them is
/// the costly part of drawing text.
/// </summary>
internal sealed class FontFace
{
    private readonly ConcurrentDictionary<(double Size, bool Bold), XFont> xfonts = new();

    public FontFace(TextScript script, FontFile regular, FontFile? bold)
    {
        Script = script;
        Regular = regular;
        Bold = bold;
        FamilyName = NeedlingFontResolver.Register(this);
    }

    public TextScript Script { get; }

    public FontFile Regular { get; }

    /// <summary>The bold file; null where bold is simulated (IPAGothic has none).</summary>
    public FontFile? Bold { get; }

    public string FamilyName { get; }

    public bool Covers(int codePoint) => Regular.Covers(codePoint);

    /// <summary>
    /// Advance in em. PDFsharp draws simulated bold with a character spacing (Tc) of 2 % of the size after every
    /// glyph, so that is added here too, or bold Japanese lines would run past the margin.
    /// </summary>
    public double Advance(int codePoint, bool bold) =>
        !bold ? Regular.Advance(codePoint) : Bold is not null ? Bold.Advance(codePoint) : Regular.Advance(codePoint) + SimulatedBoldSpacing;

    private const double SimulatedBoldSpacing = 0.02;

    public GlyphBox? Bounds(int codePoint, bool bold) => (bold && Bold is not null ? Bold : Regular).Bounds(codePoint);

    // Unicode encoding always: it writes a ToUnicode map, so Japanese and Thai text can be extracted and searched.
    public XFont XFont(double size, bool bold) => xfonts.GetOrAdd((size, bold), key =>
        new XFont(FamilyName, key.Size, key.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode)));
}
