namespace Needling.Documents.Fonts;

/// <summary>A glyph's outline bounds and advance, in em, relative to its pen position on the baseline (y up).</summary>
internal readonly record struct GlyphBox(double XMin, double YMin, double XMax, double YMax, double Advance);
