using Needling.Documents.Fonts;

namespace Needling.Documents.Text;

/// <summary>
/// Moves Thai marks where an OpenType shaper would put them. PDFsharp does no shaping, so a font's marks sit in their
/// default place: a tone mark over an upper vowel (ที่, เกี่ยว) lands on the vowel and vanishes, a mark over a tall
/// consonant (ป่วย, ฝั่ง) runs into its ascender, a lower vowel under ฎ ฏ ฐ ญ hits the tail. These rules, after the
/// classic Thai rendering rules (WTT 2.0 / libthai), compute an offset in em for such marks from the glyphs'
/// bounding boxes, so they work for any Thai font with TrueType outlines. Everything else keeps offset (0, 0).
/// </summary>
internal static class ThaiMarks
{
    private const double Gap = 0.04;        // clearance between stacked or neighbouring shapes
    private const double Stem = 0.085;      // width of a tall consonant's ascender stem
    private const char SaraAm = '\u0E33';   // ำ: its ring sits above the consonant before it

    public static bool IsUpperVowel(char c) => c is '\u0E31' or (>= '\u0E34' and <= '\u0E37') or '\u0E47' or '\u0E4D';

    public static bool IsToneMark(char c) => c is >= '\u0E48' and <= '\u0E4C';

    public static bool IsLowerVowel(char c) => c is >= '\u0E38' and <= '\u0E3A';

    private static bool IsMark(char c) => IsUpperVowel(c) || IsToneMark(c) || IsLowerVowel(c) || c == '\u0E4E';

    /// <summary>Offsets (dx, dy) in em for the marks in text[start..end); null when nothing moves.</summary>
    public static (double Dx, double Dy)[]? Offsets(string text, int start, int end, Func<char, GlyphBox?> box)
    {
        (double, double)[]? offsets = null;
        for (int b = start; b < end; b++)
        {
            int m = b + 1;
            while (m < end && IsMark(text[m]))
            {
                m++;
            }

            if (m > b + 1 && !IsMark(text[b]) && box(text[b]) is { } baseBox)
            {
                PlaceCluster(text, b, m, end, baseBox, box, ref offsets);
            }

            b = m - 1;
        }

        return offsets;
    }

    // text[b] is the consonant, text[b+1..m) its marks.
    private static void PlaceCluster(string text, int b, int m, int end, GlyphBox baseBox, Func<char, GlyphBox?> box,
        ref (double Dx, double Dy)[]? offsets)
    {
        // A tall consonant's ascender is on its right: upper marks move left of it, all by the same amount.
        double shift = 0;
        if (box('\u0E01') is { } ordinary && baseBox.YMax > ordinary.YMax + 0.1)
        {
            for (int i = b + 1; i < m; i++)
            {
                if (!IsLowerVowel(text[i]) && box(text[i]) is { } mark)
                {
                    shift = Math.Min(shift, baseBox.XMax - Stem - Gap - (baseBox.Advance + mark.XMax));
                }
            }
        }

        GlyphBox? below = null; // the upper shape a tone mark must clear: a vowel in the cluster, or the ring of ำ after it
        for (int i = b + 1; i < m; i++)
        {
            char c = text[i];
            if (box(c) is not { } mark)
            {
                continue;
            }

            double dx = IsLowerVowel(c) ? 0 : shift, dy = 0;
            if (IsToneMark(c))
            {
                var under = below ?? (m < end && text[m] == SaraAm ? AmRing(box) : null);
                if (under is { } u)
                {
                    dy = Math.Max(0, u.YMax + Gap - mark.YMin);
                }
            }
            else if (IsUpperVowel(c))
            {
                below = mark;
            }
            else if (IsLowerVowel(c) && baseBox.YMin < -0.05)
            {
                dy = Math.Min(0, baseBox.YMin - Gap - mark.YMax);
            }

            if (dx != 0 || dy != 0)
            {
                offsets ??= new (double, double)[text.Length];
                offsets[i] = (dx, dy);
            }
        }
    }

    private static GlyphBox? AmRing(Func<char, GlyphBox?> box) => box(SaraAm) is { } am ? am with { YMin = am.YMax - 0.15 } : null;
}
