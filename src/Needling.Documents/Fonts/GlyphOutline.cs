using System.Buffers.Binary;

namespace Needling.Documents.Fonts;

/// <summary>A point of a TrueType contour, in em, y up; off-curve points are quadratic control points.</summary>
internal readonly record struct OutlinePoint(double X, double Y, bool OnCurve);

/// <summary>
/// Reads a glyph's outline from the 'glyf' table (simple glyphs, and composites made of offset or scaled parts).
/// Used only to draw the few Thai marks that must move off their default place; see <see cref="Text.ThaiMarks"/>.
/// </summary>
internal static class GlyphOutline
{
    private const int MaxDepth = 4; // composites nest rarely; the limit guards against a malformed font

    public static List<OutlinePoint[]> Read(ReadOnlySpan<byte> glyf, uint[] offsets, int glyph, double unitsPerEm)
    {
        var contours = new List<OutlinePoint[]>();
        Read(glyf, offsets, glyph, unitsPerEm, (1, 0, 0, 1, 0, 0), contours, 0);
        return contours;
    }

    private static void Read(ReadOnlySpan<byte> glyf, uint[] offsets, int glyph, double em,
        (double A, double B, double C, double D, double Dx, double Dy) m, List<OutlinePoint[]> contours, int depth)
    {
        if (glyph + 1 >= offsets.Length || offsets[glyph + 1] <= offsets[glyph] || depth > MaxDepth)
        {
            return;
        }

        var data = glyf[(int)offsets[glyph]..(int)offsets[glyph + 1]];
        short count = (short)U16(data, 0);
        if (count >= 0)
        {
            foreach (var contour in Simple(data, count))
            {
                contours.Add([.. contour.Select(p => new OutlinePoint(
                    (m.A * p.X + m.C * p.Y + m.Dx) / em, (m.B * p.X + m.D * p.Y + m.Dy) / em, p.OnCurve))]);
            }

            return;
        }

        int at = 10;
        ushort flags;
        do
        {
            flags = U16(data, at);
            int part = U16(data, at + 2);
            at += 4;
            double dx, dy;
            if ((flags & 0x1) != 0)
            {
                (dx, dy) = ((short)U16(data, at), (short)U16(data, at + 2));
                at += 4;
            }
            else
            {
                (dx, dy) = ((sbyte)data[at], (sbyte)data[at + 1]);
                at += 2;
            }

            double a = 1, b = 0, c = 0, d = 1;
            if ((flags & 0x8) != 0)
            {
                a = d = F2Dot14(data, at);
                at += 2;
            }
            else if ((flags & 0x40) != 0)
            {
                (a, d) = (F2Dot14(data, at), F2Dot14(data, at + 2));
                at += 4;
            }
            else if ((flags & 0x80) != 0)
            {
                (a, b, c, d) = (F2Dot14(data, at), F2Dot14(data, at + 2), F2Dot14(data, at + 4), F2Dot14(data, at + 6));
                at += 8;
            }

            // Parts placed by matching points (ARGS_ARE_XY_VALUES clear) are rare in text fonts: drawn unmoved.
            if ((flags & 0x2) == 0)
            {
                (dx, dy) = (0, 0);
            }

            var combined = (m.A * a + m.C * b, m.B * a + m.D * b, m.A * c + m.C * d, m.B * c + m.D * d,
                m.A * dx + m.C * dy + m.Dx, m.B * dx + m.D * dy + m.Dy);
            Read(glyf, offsets, part, em, combined, contours, depth + 1);
        }
        while ((flags & 0x20) != 0);
    }

    private static List<OutlinePoint[]> Simple(ReadOnlySpan<byte> data, int count)
    {
        var ends = new int[count];
        for (int i = 0; i < count; i++)
        {
            ends[i] = U16(data, 10 + 2 * i);
        }

        int points = count == 0 ? 0 : ends[^1] + 1;
        int at = 10 + 2 * count;
        at += 2 + U16(data, at); // skip the hinting instructions
        var flags = new byte[points];
        for (int i = 0; i < points;)
        {
            byte flag = data[at++];
            int repeat = (flag & 0x8) != 0 ? data[at++] : 0;
            for (int r = 0; r <= repeat && i < points; r++)
            {
                flags[i++] = flag;
            }
        }

        var xs = Coordinates(data, ref at, flags, 0x2, 0x10);
        var ys = Coordinates(data, ref at, flags, 0x4, 0x20);
        var contours = new List<OutlinePoint[]>(count);
        for (int c = 0, start = 0; c < count; start = ends[c] + 1, c++)
        {
            contours.Add([.. Enumerable.Range(start, ends[c] - start + 1).Select(i => new OutlinePoint(xs[i], ys[i], (flags[i] & 0x1) != 0))]);
        }

        return contours;
    }

    // Coordinates are deltas: one byte with a sign flag, "same as before", or a signed word.
    private static int[] Coordinates(ReadOnlySpan<byte> data, ref int at, byte[] flags, int shortBit, int sameBit)
    {
        var values = new int[flags.Length];
        int value = 0;
        for (int i = 0; i < flags.Length; i++)
        {
            if ((flags[i] & shortBit) != 0)
            {
                value += (flags[i] & sameBit) != 0 ? data[at] : -data[at];
                at++;
            }
            else if ((flags[i] & sameBit) == 0)
            {
                value += (short)U16(data, at);
                at += 2;
            }

            values[i] = value;
        }

        return values;
    }

    private static double F2Dot14(ReadOnlySpan<byte> data, int at) => (short)U16(data, at) / 16384.0;

    private static ushort U16(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);
}
