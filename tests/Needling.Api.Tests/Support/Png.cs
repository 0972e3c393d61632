using System.Buffers.Binary;
using System.IO.Compression;

namespace Needling.Api.Tests.Support;

/// <summary>
/// Just enough PNG to check drawn signatures: decode the 8-bit images that <c>pdfimages -png</c> writes (gray, RGB, with
/// or without alpha; all five row filters) and encode an RGBA image (for sample signatures).
/// </summary>
public static class Png
{
    private static readonly byte[] Magic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A decoded image: <see cref="Channels"/> bytes per pixel, rows top to bottom.</summary>
    public sealed record Image(int Width, int Height, int Channels, byte[] Pixels)
    {
        public ReadOnlySpan<byte> Pixel(int x, int y) => Pixels.AsSpan((y * Width + x) * Channels, Channels);

        /// <summary>The pixel value (gray, or the mean of R, G, B) that occurs most: the background of a drawing.</summary>
        public int Background()
        {
            var counts = new int[256];
            for (int y = 0; y < Height; y++)
            {
                for (int x = 0; x < Width; x++)
                {
                    counts[Level(x, y)]++;
                }
            }
            return Array.IndexOf(counts, counts.Max());
        }

        /// <summary>Pixels whose level differs from the background by more than <paramref name="threshold"/>, and their bounding box.</summary>
        public (int Count, int Left, int Top, int Right, int Bottom) Marks(int threshold = 64)
        {
            int background = Background(), count = 0, left = Width, top = Height, right = -1, bottom = -1;
            for (int y = 0; y < Height; y++)
            {
                for (int x = 0; x < Width; x++)
                {
                    if (Math.Abs(Level(x, y) - background) > threshold)
                    {
                        count++;
                        (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
                    }
                }
            }
            return (count, left, top, right, bottom);
        }

        /// <summary>The alpha channel as a gray image (how a signature pad's transparent PNG shows its strokes).</summary>
        public Image Alpha()
        {
            if (Channels is not (2 or 4))
            {
                throw new InvalidOperationException($"This image has no alpha channel ({Channels} channels).");
            }
            var alpha = new byte[Width * Height];
            for (int i = 0; i < alpha.Length; i++)
            {
                alpha[i] = Pixels[i * Channels + Channels - 1];
            }
            return new Image(Width, Height, 1, alpha);
        }

        private int Level(int x, int y)
        {
            var p = Pixel(x, y);
            return Channels >= 3 ? (p[0] + p[1] + p[2]) / 3 : p[0]; // alpha, if any, is not part of the level
        }
    }

    public static Image Decode(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a PNG file.");
        }
        int width = 0, height = 0, bitDepth = 0, colorType = -1, interlace = 0;
        using var idat = new MemoryStream();
        for (int at = 8; at + 8 <= png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    (bitDepth, colorType, interlace) = (data[8], data[9], data[12]);
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    at = png.Length;
                    continue;
            }
            at += 12 + length;
        }
        int channels = colorType switch
        {
            0 => 1,
            2 => 3,
            4 => 2,
            6 => 4,
            _ => throw new NotSupportedException($"PNG colour type {colorType} (palette) is not supported here."),
        };
        if (bitDepth != 8 || interlace != 0)
        {
            throw new NotSupportedException($"Only 8-bit, non-interlaced PNGs are supported here (bit depth {bitDepth}, interlace {interlace}).");
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }
        var raw = inflated.GetBuffer();
        int stride = width * channels;
        if (inflated.Length < (long)height * (stride + 1))
        {
            throw new InvalidDataException($"PNG data is short: {inflated.Length} bytes for {width}x{height}x{channels}.");
        }
        var pixels = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            int filter = raw[y * (stride + 1)];
            var src = raw.AsSpan(y * (stride + 1) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var up = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (int i = 0; i < stride; i++)
            {
                int a = i >= channels ? row[i - channels] : 0, b = up[i], c = i >= channels ? up[i - channels] : 0;
                row[i] = (byte)(src[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"Unknown PNG row filter {filter} in row {y}."),
                });
            }
        }
        return new Image(width, height, channels, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>Encodes 8-bit RGBA pixels (no filtering; zlib does the rest).</summary>
    public static byte[] EncodeRgba(int width, int height, byte[] rgba)
    {
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (int y = 0; y < height; y++)
            {
                z.WriteByte(0);
                z.Write(rgba, y * width * 4, width * 4);
            }
        }
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        (ihdr[8], ihdr[9]) = (8, 6);
        using var png = new MemoryStream();
        png.Write(Magic);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        s.Write(word);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        s.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        s.Write(word);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
