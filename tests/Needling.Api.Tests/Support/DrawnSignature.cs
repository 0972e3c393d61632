namespace Needling.Api.Tests.Support;

/// <summary>
/// A hand-written-looking signature: a looped scrawl, an initial and an underline, as strokes of points relative to the
/// signing box (0..1). The browser test draws these with the mouse; <see cref="Png"/> renders them as a signing pad would.
/// </summary>
public static class DrawnSignature
{
    public static IReadOnlyList<IReadOnlyList<(double X, double Y)>> Strokes { get; } =
    [
        // an initial: down, and a bowl back up
        Curve(24, t => (0.10 + 0.06 * Math.Sin(Math.PI * t), 0.20 + 0.55 * t - 0.25 * Math.Sin(Math.PI * t) * t)),
        // the looped scrawl of the name (a prolate trochoid: each turn makes a small loop)
        Curve(90, t => (0.18 + 0.52 * t + 0.03 * Math.Sin(2 * Math.PI * 7 * t),
            0.52 - 0.17 * Math.Cos(2 * Math.PI * 7 * t) * (0.55 + 0.45 * Math.Sin(Math.PI * t)))),
        // the underline flourish
        Curve(30, t => (0.08 + 0.80 * t, 0.84 - 0.08 * Math.Sin(Math.PI * t) + 0.03 * t)),
    ];

    private static (double X, double Y)[] Curve(int points, Func<double, (double X, double Y)> at) =>
        [.. Enumerable.Range(0, points).Select(i => at(i / (double)(points - 1)))];

    /// <summary>The strokes drawn with a round pen in dark blue on a transparent background, like a canvas' toDataURL().</summary>
    public static byte[] Png(int width = 600, int height = 200, double penWidth = 3)
    {
        var rgba = new byte[width * height * 4];
        double r = penWidth / 2;
        foreach (var stroke in Strokes)
        {
            for (int i = 1; i < stroke.Count; i++)
            {
                var (ax, ay) = (stroke[i - 1].X * width, stroke[i - 1].Y * height);
                var (bx, by) = (stroke[i].X * width, stroke[i].Y * height);
                int x0 = (int)Math.Max(0, Math.Floor(Math.Min(ax, bx) - r - 1)), x1 = (int)Math.Min(width - 1, Math.Ceiling(Math.Max(ax, bx) + r + 1));
                int y0 = (int)Math.Max(0, Math.Floor(Math.Min(ay, by) - r - 1)), y1 = (int)Math.Min(height - 1, Math.Ceiling(Math.Max(ay, by) + r + 1));
                for (int y = y0; y <= y1; y++)
                {
                    for (int x = x0; x <= x1; x++)
                    {
                        double coverage = Math.Clamp(r + 0.5 - Distance(x + 0.5, y + 0.5, ax, ay, bx, by), 0, 1);
                        int o = (y * width + x) * 4;
                        (rgba[o], rgba[o + 1], rgba[o + 2]) = (0, 0, 0x22);
                        rgba[o + 3] = Math.Max(rgba[o + 3], (byte)Math.Round(coverage * 255));
                    }
                }
            }
        }
        return Support.Png.EncodeRgba(width, height, rgba);
    }

    public static string DataUrl() => "data:image/png;base64," + Convert.ToBase64String(Png());

    private static double Distance(double px, double py, double ax, double ay, double bx, double by)
    {
        double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.Clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0, 1);
        return Math.Sqrt(Math.Pow(px - (ax + t * dx), 2) + Math.Pow(py - (ay + t * dy), 2));
    }
}
