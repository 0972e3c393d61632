using PdfSharp.Drawing;

namespace Needling.Documents.Layout;

/// <summary>
/// Sizes and spacing, all scaled from the body size. Line height is the same for every script so that mixed lines
/// stay even; 1.5 em leaves room for Thai marks above and below and reads well for Japanese.
/// </summary>
internal sealed class Styles(double body)
{
    public const double PointsPerMm = 72 / 25.4;

    public static readonly XColor Text = XColor.FromArgb(0x1A, 0x1A, 0x1A);
    public static readonly XColor Muted = XColor.FromArgb(0x55, 0x55, 0x55);
    public static readonly XColor Border = XColor.FromArgb(0x99, 0x99, 0x99);
    public static readonly XColor HeaderFill = XColor.FromArgb(0xEC, 0xEC, 0xEC);

    public double Body { get; } = body;

    public double Heading(int level) => level == 1 ? Body * 1.6 : Body * 1.25;

    public double Small => Body * 0.85;

    public double Table => Body * 0.95;

    public static double LineHeight(double size) => size * 1.5;

    /// <summary>From a line's top to its baseline: the ascent part of the line height.</summary>
    public static double Baseline(double size) => size * 1.08;

    public double ParagraphSpacing => Body * 0.6;

    public double HeadingSpacing(int level) => level == 1 ? Body * 1.2 : Body * 1.0;

    public double ListIndent => Body * 1.5;

    public double ListItemSpacing => Body * 0.25;

    public double CellPaddingX => Body * 0.45;

    public double CellPaddingY => Body * 0.25;

    /// <summary>Gap between the header (or footer) and the body; a rule is drawn in its middle.</summary>
    public double HeaderGap => Body * 1.2;
}
