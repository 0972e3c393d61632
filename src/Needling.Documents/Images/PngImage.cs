using System.Buffers.Binary;
using System.IO.Compression;

namespace Needling.Documents.Images;

/// <summary>
/// A PNG read completely and checked: every chunk's CRC, the header's values, the compressed data, and a size limit
/// checked before any pixel memory is taken. Every kind a browser's canvas or an image editor writes is read (grey,
/// RGB, palette, with alpha or a transparent colour; 1 to 16 bits; interlaced or not) into 8-bit RGBA, which
/// <see cref="ToPng"/> writes back in the one plain form that PDFsharp embeds reliably.
/// </summary>
public sealed class PngImage
{
    /// <summary>The most pixels read (about 4 megapixels: a signing pad at three times its CSS size is well under).</summary>
    public const long DefaultMaxPixels = 4_000_000;

    private static ReadOnlySpan<byte> Magic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, byte[] rgba) => (Width, Height, Rgba) = (width, height, rgba);

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>8-bit RGBA, rows top to bottom.</summary>
    public byte[] Rgba { get; }

    /// <summary>Reads a PNG, or throws <see cref="InvalidImageException"/> saying what is wrong with it.</summary>
    public static PngImage Read(byte[] png, long maxPixels = DefaultMaxPixels)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Magic))
        {
            throw new InvalidImageException("is not a PNG image (its first bytes are not the PNG signature).");
        }
        Header? header = null;
        byte[]? palette = null, transparency = null;
        using var compressed = new MemoryStream();
        bool ended = false;
        for (int at = 8; !ended;)
        {
            if (at + 12 > png.Length)
            {
                throw new InvalidImageException("is truncated (it ends before its last chunk).");
            }
            uint length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            if (length > int.MaxValue || at + 12L + length > png.Length)
            {
                throw new InvalidImageException("is truncated (a chunk runs past the end of the file).");
            }
            var typed = png.AsSpan(at + 4, 4 + (int)length);
            if (Crc(typed) != BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + (int)length)))
            {
                throw new InvalidImageException("is damaged (a chunk's CRC checksum does not match).");
            }
            var type = System.Text.Encoding.ASCII.GetString(typed[..4]);
            var data = typed[4..];
            if (header is null && type != "IHDR")
            {
                throw new InvalidImageException("is not a valid PNG (the IHDR header does not come first).");
            }
            switch (type)
            {
                case "IHDR":
                    header = Header.Parse(data, maxPixels);
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "tRNS":
                    transparency = data.ToArray();
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
                case "IEND":
                    ended = true;
                    break;
            }
            at += 12 + (int)length;
        }
        var h = header!;
        if (h.ColorType == 3 && (palette is null || palette.Length % 3 != 0 || palette.Length == 0))
        {
            throw new InvalidImageException("is not a valid PNG (a palette image without a palette).");
        }
        var raw = Inflate(compressed, h.RawLength());
        return new PngImage(h.Width, h.Height, new PixelReader(h, palette, transparency).ToRgba(raw));
    }

    /// <summary>
    /// Whether anything shows: pixels (composited on white) that differ clearly from the picture's commonest shade.
    /// A blank canvas, transparent or filled with one colour, has none.
    /// </summary>
    public bool HasInk(int minPixels = 16)
    {
        var levels = new byte[Width * Height];
        var counts = new int[256];
        for (int i = 0; i < levels.Length; i++)
        {
            int o = i * 4, a = Rgba[o + 3];
            int lum = (Rgba[o] * 299 + Rgba[o + 1] * 587 + Rgba[o + 2] * 114) / 1000;
            levels[i] = (byte)((lum * a + 255 * (255 - a)) / 255);
            counts[levels[i]]++;
        }
        int background = Array.IndexOf(counts, counts.Max()), ink = 0;
        foreach (var level in levels)
        {
            if (Math.Abs(level - background) > 48 && ++ink >= minPixels)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The image as an 8-bit RGBA, non-interlaced PNG.</summary>
    public byte[] ToPng()
    {
        using var z = new MemoryStream();
        using (var deflate = new ZLibStream(z, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (int y = 0; y < Height; y++)
            {
                deflate.WriteByte(0);
                deflate.Write(Rgba, y * Width * 4, Width * 4);
            }
        }
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, Width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), Height);
        (ihdr[8], ihdr[9]) = (8, 6);
        using var png = new MemoryStream();
        png.Write(Magic);
        WriteChunk(png, "IHDR", ihdr);
        WriteChunk(png, "IDAT", z.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream s, string type, byte[] data)
    {
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        s.Write(word);
        s.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc(typed));
        s.Write(word);
    }

    // Reads exactly the bytes the header promises and no more, so a small file that inflates to gigabytes costs nothing.
    private static byte[] Inflate(MemoryStream compressed, long expected)
    {
        if (compressed.Length == 0)
        {
            throw new InvalidImageException("has no image data.");
        }
        compressed.Position = 0;
        var raw = new byte[expected];
        try
        {
            using var z = new ZLibStream(compressed, CompressionMode.Decompress);
            int read = 0;
            for (int n; read < raw.Length && (n = z.Read(raw, read, raw.Length - read)) > 0;)
            {
                read += n;
            }
            if (read < raw.Length)
            {
                throw new InvalidImageException("is truncated (its image data is shorter than its size says).");
            }
        }
        catch (InvalidDataException)
        {
            throw new InvalidImageException("is damaged (its compressed image data cannot be read).");
        }
        return raw;
    }

    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n =>
    {
        uint c = (uint)n;
        for (int k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        }
        return c;
    })];

    private static uint Crc(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return ~crc;
    }

    internal sealed record Header(int Width, int Height, int BitDepth, int ColorType, bool Interlaced)
    {
        public int Channels => ColorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };

        public int BitsPerPixel => Channels * BitDepth;

        public static Header Parse(ReadOnlySpan<byte> d, long maxPixels)
        {
            if (d.Length != 13)
            {
                throw new InvalidImageException("is not a valid PNG (its IHDR header has the wrong length).");
            }
            uint width = BinaryPrimitives.ReadUInt32BigEndian(d), height = BinaryPrimitives.ReadUInt32BigEndian(d[4..]);
            int depth = d[8], color = d[9];
            bool valid = color switch
            {
                0 => depth is 1 or 2 or 4 or 8 or 16,
                3 => depth is 1 or 2 or 4 or 8,
                2 or 4 or 6 => depth is 8 or 16,
                _ => false,
            };
            if (!valid || d[10] != 0 || d[11] != 0 || d[12] > 1)
            {
                throw new InvalidImageException("is not a valid PNG (its header names an unknown colour type, bit depth, compression, filter or interlace method).");
            }
            if (width == 0 || height == 0)
            {
                throw new InvalidImageException("has no pixels.");
            }
            if (width > int.MaxValue || height > int.MaxValue || (long)width * height > maxPixels)
            {
                throw new InvalidImageException($"is too large ({width} x {height} pixels; at most {maxPixels:N0} pixels are accepted).");
            }
            return new Header((int)width, (int)height, depth, color, d[12] == 1);
        }

        /// <summary>Filter bytes included; per Adam7 pass when interlaced.</summary>
        public long RawLength() => Passes().Sum(p => p.Rows == 0 || p.Columns == 0 ? 0 : p.Rows * (1 + Stride(p.Columns)));

        public long Stride(long columns) => (columns * BitsPerPixel + 7) / 8;

        public IEnumerable<Pass> Passes()
        {
            if (!Interlaced)
            {
                yield return new Pass(0, 0, 1, 1, Width, Height);
                yield break;
            }
            foreach (var (x0, y0, dx, dy) in Adam7)
            {
                yield return new Pass(x0, y0, dx, dy, (Width - x0 + dx - 1) / dx, (Height - y0 + dy - 1) / dy);
            }
        }

        private static readonly (int X0, int Y0, int Dx, int Dy)[] Adam7 =
            [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
    }

    internal sealed record Pass(int X0, int Y0, int Dx, int Dy, int Columns, int Rows);
}

/// <summary>An image that cannot be used; the message completes "The image ..." and never quotes its bytes.</summary>
public sealed class InvalidImageException(string message) : Exception(message);
