using Needling.Documents.Layout;
using Needling.Documents.Text;
using PdfSharp.Drawing;

namespace Needling.Documents.Rendering;

/// <summary>
/// Draws ops with PDFsharp. Every piece of a line is drawn at the same baseline (BaseLineLeft): fonts differ in
/// ascent, so aligning their tops would put Thai lower than Latin. Images are loaded once per document.
/// </summary>
internal sealed class PagePainter : IDisposable
{
    private static readonly XColor Invisible = XColor.FromArgb(0, 0, 0, 0);
    private readonly Dictionary<ImageBlock, XImage> images = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<XColor, XSolidBrush> brushes = [];
    private readonly XPen border = new(Styles.Border, 0.5);

    /// <summary>Whether any text beyond U+FFFF was drawn: the document's text maps then need <see cref="AstralToUnicode"/>.</summary>
    public bool DrewAstral { get; private set; }

    public void Draw(XGraphics gfx, DrawOp op)
    {
        switch (op)
        {
            case TextOp t:
                Line(gfx, t.Line, t.X, t.Baseline, t.Color);
                break;
            case RectOp r:
                if (r.Fill is { } fill)
                {
                    gfx.DrawRectangle(Brush(fill), r.Rect);
                }

                if (r.Stroke is not null)
                {
                    gfx.DrawRectangle(border, r.Rect);
                }

                break;
            case ImageOp i:
                gfx.DrawImage(Image(i.Image), i.Rect);
                break;
        }
    }

    public void Lines(XGraphics gfx, IReadOnlyList<TextLine> lines, double x, double top, double lineHeight, XColor color)
    {
        for (int l = 0; l < lines.Count; l++)
        {
            Line(gfx, lines[l], x, top + l * lineHeight + Styles.Baseline(lines[l].Size), color);
        }
    }

    public void Rule(XGraphics gfx, double x, double y, double width) => gfx.DrawLine(border, x, y, x + width, y);

    public void Dispose()
    {
        foreach (var image in images.Values)
        {
            image.Dispose();
        }
    }

    private void Line(XGraphics gfx, TextLine line, double x, double baseline, XColor color)
    {
        // Outlines after all the text: a path between two strings would split the text object.
        foreach (var piece in line.Pieces)
        {
            if (piece.Kind != PieceKind.Outline)
            {
                DrewAstral |= piece.Text.Any(char.IsHighSurrogate);
                var brush = Brush(piece.Kind == PieceKind.Hidden ? Invisible : color);
                gfx.DrawString(piece.Text, piece.Face.XFont(line.Size, piece.Bold), brush, x + piece.X, baseline, XStringFormats.BaseLineLeft);
            }
        }

        foreach (var piece in line.Pieces)
        {
            if (piece.Kind == PieceKind.Outline)
            {
                Outline(gfx, piece, line.Size, x + piece.X, baseline - piece.Rise, color);
            }
        }
    }

    private void Outline(XGraphics gfx, TextPiece piece, double size, double x, double baseline, XColor color)
    {
        var file = piece.Bold && piece.Face.Bold is not null ? piece.Face.Bold : piece.Face.Regular;
        gfx.DrawPath(Brush(color), GlyphPath.Build(file.Outline(char.ConvertToUtf32(piece.Text, 0)), x, baseline, size));
    }

    private XSolidBrush Brush(XColor color)
    {
        if (!brushes.TryGetValue(color, out var brush))
        {
            brushes[color] = brush = new XSolidBrush(color);
        }

        return brush;
    }

    private XImage Image(ImageBlock block)
    {
        if (!images.TryGetValue(block, out var image))
        {
            images[block] = image = XImage.FromStream(new MemoryStream(block.Data, writable: false));
        }

        return image;
    }
}
