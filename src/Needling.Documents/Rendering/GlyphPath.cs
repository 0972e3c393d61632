using Needling.Documents.Fonts;
using PdfSharp.Drawing;

namespace Needling.Documents.Rendering;

/// <summary>
/// A glyph outline as a fillable path, for moved Thai marks (PDFsharp's own XGraphicsPath.AddString draws nothing in
/// its cross-platform build). TrueType contours are quadratic; each segment becomes the equivalent cubic Bézier.
/// </summary>
internal static class GlyphPath
{
    public static XGraphicsPath Build(IReadOnlyList<OutlinePoint[]> contours, double x, double baseline, double size)
    {
        var path = new XGraphicsPath { FillMode = XFillMode.Winding };
        foreach (var contour in contours)
        {
            var points = Expand(contour, x, baseline, size);
            if (points.Count < 2)
            {
                continue;
            }

            path.StartFigure();
            for (int i = 0; i < points.Count; i++)
            {
                var (p0, control, p1) = (points[i], points[(i + 1) % points.Count], points[(i + 2) % points.Count]);
                if (!p0.OnCurve)
                {
                    continue;
                }

                if (control.OnCurve)
                {
                    path.AddLine(p0.X, p0.Y, control.X, control.Y);
                }
                else
                {
                    path.AddBezier(p0.X, p0.Y, p0.X + 2.0 / 3 * (control.X - p0.X), p0.Y + 2.0 / 3 * (control.Y - p0.Y),
                        p1.X + 2.0 / 3 * (control.X - p1.X), p1.Y + 2.0 / 3 * (control.Y - p1.Y), p1.X, p1.Y);
                }
            }

            path.CloseFigure();
        }

        return path;
    }

    // Page coordinates (y down), with the implied on-curve point between two off-curve points made explicit,
    // rotated to start on an on-curve point.
    private static List<OutlinePoint> Expand(OutlinePoint[] contour, double x, double baseline, double size)
    {
        var points = new List<OutlinePoint>(contour.Length * 2);
        for (int i = 0; i < contour.Length; i++)
        {
            var p = contour[i];
            var next = contour[(i + 1) % contour.Length];
            points.Add(new OutlinePoint(x + p.X * size, baseline - p.Y * size, p.OnCurve));
            if (!p.OnCurve && !next.OnCurve)
            {
                points.Add(new OutlinePoint(x + (p.X + next.X) / 2 * size, baseline - (p.Y + next.Y) / 2 * size, true));
            }
        }

        int first = points.FindIndex(p => p.OnCurve);
        return first < 0 ? [] : [.. points.Skip(first), .. points.Take(first)];
    }
}
