namespace Needling.Documents.Images;

/// <summary>Undoes the PNG row filters, pass by pass, and turns every sample format into 8-bit RGBA.</summary>
internal sealed class PixelReader(PngImage.Header header, byte[]? palette, byte[]? transparency)
{
    public byte[] ToRgba(byte[] raw)
    {
        var rgba = new byte[(long)header.Width * header.Height * 4];
        int bpp = Math.Max(1, header.BitsPerPixel / 8);
        long at = 0;
        foreach (var pass in header.Passes())
        {
            if (pass.Columns == 0 || pass.Rows == 0)
            {
                continue;
            }
            int stride = (int)header.Stride(pass.Columns);
            var previous = new byte[stride];
            var row = new byte[stride];
            for (int y = 0; y < pass.Rows; y++, at += 1 + stride)
            {
                Unfilter(raw[at], raw.AsSpan((int)at + 1, stride), previous, row, bpp);
                for (int x = 0; x < pass.Columns; x++)
                {
                    long o = (((long)(pass.Y0 + y * pass.Dy) * header.Width) + pass.X0 + x * pass.Dx) * 4;
                    Pixel(row, x, rgba.AsSpan((int)o, 4));
                }
                (previous, row) = (row, previous);
            }
        }
        return rgba;
    }

    private static void Unfilter(byte filter, ReadOnlySpan<byte> src, ReadOnlySpan<byte> up, Span<byte> row, int bpp)
    {
        for (int i = 0; i < src.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0, b = up[i], c = i >= bpp ? up[i - bpp] : 0;
            row[i] = (byte)(src[i] + filter switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) / 2,
                4 => Paeth(a, b, c),
                _ => throw new InvalidImageException("is damaged (a row uses an unknown filter)."),
            });
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private void Pixel(byte[] row, int x, Span<byte> rgba)
    {
        switch (header.ColorType)
        {
            case 3:
                int index = Sample(row, x, 0);
                if (index * 3 + 2 >= palette!.Length)
                {
                    throw new InvalidImageException("is damaged (a pixel names a colour missing from its palette).");
                }
                (rgba[0], rgba[1], rgba[2]) = (palette[index * 3], palette[index * 3 + 1], palette[index * 3 + 2]);
                rgba[3] = transparency is not null && index < transparency.Length ? transparency[index] : (byte)255;
                break;
            case 0 or 4:
                int grey = Sample(row, x, 0);
                rgba[0] = rgba[1] = rgba[2] = Scale(grey);
                rgba[3] = header.ColorType == 4 ? Scale(Sample(row, x, 1)) : transparency is not null && Keyed([grey]) ? (byte)0 : (byte)255;
                break;
            default:
                int r = Sample(row, x, 0), g = Sample(row, x, 1), b = Sample(row, x, 2);
                (rgba[0], rgba[1], rgba[2]) = (Scale(r), Scale(g), Scale(b));
                rgba[3] = header.ColorType == 6 ? Scale(Sample(row, x, 3)) : transparency is not null && Keyed([r, g, b]) ? (byte)0 : (byte)255;
                break;
        }
    }

    // Channel c of pixel x at the header's bit depth (samples below 8 bits are packed, high bits first).
    private int Sample(byte[] row, int x, int c)
    {
        int depth = header.BitDepth, index = x * header.Channels + c;
        if (depth == 8)
        {
            return row[index];
        }
        if (depth == 16)
        {
            return row[index * 2] << 8 | row[index * 2 + 1];
        }
        int bit = index * depth;
        return row[bit >> 3] >> (8 - depth - (bit & 7)) & ((1 << depth) - 1);
    }

    private byte Scale(int sample) => header.BitDepth switch
    {
        16 => (byte)(sample >> 8),
        8 => (byte)sample,
        _ => (byte)(sample * 255 / ((1 << header.BitDepth) - 1)),
    };

    // tRNS for grey or RGB: one colour (as 16-bit values) that is fully transparent.
    private bool Keyed(int[] samples)
    {
        if (transparency is null || transparency.Length < samples.Length * 2)
        {
            return false;
        }
        for (int i = 0; i < samples.Length; i++)
        {
            if ((transparency[i * 2] << 8 | transparency[i * 2 + 1]) != samples[i])
            {
                return false;
            }
        }
        return true;
    }
}
