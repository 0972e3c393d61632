using System.Buffers.Binary;
using System.IO.Compression;

namespace Needling.Api.Tests.Support;

/// <summary>
/// Writes an RGBA picture as any kind of PNG a browser or an image editor produces (grey, RGB, palette, with alpha or
/// a transparent colour; 1 to 16 bits; Adam7 interlaced or not), cycling through all five row filters, and can break
/// the result in the ways a bad upload does. Written independently of the service's reader, so a shared bug cannot hide.
/// </summary>
public static class PngWriter
{
    public enum Kind { Rgba8, Rgba16, Rgb16, Rgba8Interlaced, Grey16Interlaced, Palette8, Palette2, Grey8, GreyAlpha8, Grey1 }

    public static byte[] Write(int width, int height, byte[] rgba, Kind kind)
    {
        var (color, depth, interlaced) = kind switch
        {
            Kind.Rgba8 => (6, 8, false),
            Kind.Rgba16 => (6, 16, false),
            Kind.Rgb16 => (2, 16, false),
            Kind.Rgba8Interlaced => (6, 8, true),
            Kind.Grey16Interlaced => (0, 16, true),
            Kind.Palette8 => (3, 8, false),
            Kind.Palette2 => (3, 2, false),
            Kind.Grey8 => (0, 8, false),
            Kind.GreyAlpha8 => (4, 8, false),
            _ => (0, 1, false),
        };
        var palette = new List<uint>();
        int[] Samples(int x, int y)
        {
            int o = (y * width + x) * 4;
            int r = rgba[o], g = rgba[o + 1], b = rgba[o + 2], a = rgba[o + 3];
            int over = (((r * 299 + g * 587 + b * 114) / 1000) * a + 255 * (255 - a)) / 255; // on white
            int Wide(int v) => depth == 16 ? v * 257 : v;
            return color switch
            {
                6 => [Wide(r), Wide(g), Wide(b), Wide(a)],
                2 => [Wide((r * a + 255 * (255 - a)) / 255), Wide((g * a + 255 * (255 - a)) / 255), Wide((b * a + 255 * (255 - a)) / 255)],
                4 => [(r * 299 + g * 587 + b * 114) / 1000, a],
                3 => [Index(palette, depth == 2 ? (uint)(over < 96 ? 0x000022FF : over < 192 ? 0x7777AAFF : 0xFFFFFF00) : (uint)(r << 24 | g << 16 | b << 8 | (a & 0xF0)))],
                _ => depth == 1 ? [over < 128 ? 0 : 1] : [Wide(over)],
            };
        }

        int channels = color switch { 0 or 3 => 1, 2 => 3, 4 => 2, _ => 4 };
        int bpp = Math.Max(1, channels * depth / 8);
        using var raw = new MemoryStream();
        (int X0, int Y0, int Dx, int Dy)[] passes = interlaced
            ? [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
            : [(0, 0, 1, 1)];
        int rowNumber = 0;
        foreach (var (x0, y0, dx, dy) in passes)
        {
            int columns = (width - x0 + dx - 1) / dx, rows = (height - y0 + dy - 1) / dy;
            if (columns <= 0 || rows <= 0)
            {
                continue;
            }
            int stride = (columns * channels * depth + 7) / 8;
            var previous = new byte[stride];
            for (int y = 0; y < rows; y++)
            {
                var line = new byte[stride];
                for (int x = 0; x < columns; x++)
                {
                    var s = Samples(x0 + x * dx, y0 + y * dy);
                    for (int c = 0; c < channels; c++)
                    {
                        Put(line, x * channels + c, depth, s[c]);
                    }
                }
                int filter = rowNumber++ % 5;
                raw.WriteByte((byte)filter);
                raw.Write(Filter(line, previous, filter, bpp));
                previous = line;
            }
        }

        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        (ihdr[8], ihdr[9], ihdr[12]) = ((byte)depth, (byte)color, (byte)(interlaced ? 1 : 0));
        var chunks = new List<(string, byte[])> { ("IHDR", ihdr) };
        if (color == 3)
        {
            chunks.Add(("PLTE", [.. palette.SelectMany(p => new[] { (byte)(p >> 24), (byte)(p >> 16), (byte)(p >> 8) })]));
            chunks.Add(("tRNS", [.. palette.Select(p => (byte)((p & 0xF0) | (p & 0xF0) >> 4))]));
        }
        chunks.Add(("IDAT", Compress(raw.ToArray())));
        chunks.Add(("IEND", []));
        return Assemble(chunks);
    }

    /// <summary>A transparent canvas of the given size with nothing drawn, as toDataURL() sends an untouched pad.</summary>
    public static byte[] Blank(int width, int height, uint fill = 0) =>
        Write(width, height, [.. Enumerable.Range(0, width * height).SelectMany(_ => new[] { (byte)(fill >> 24), (byte)(fill >> 16), (byte)(fill >> 8), (byte)fill })], Kind.Rgba8);

    /// <summary>A header claiming the given size over a tiny body: must be refused before any pixel memory is taken.</summary>
    public static byte[] Huge(uint width, uint height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        (ihdr[8], ihdr[9]) = (8, 6);
        return Assemble([("IHDR", ihdr), ("IDAT", Compress(new byte[1024])), ("IEND", [])]);
    }

    /// <summary>The same PNG with one byte inside its image data changed (the chunk's CRC no longer matches).</summary>
    public static byte[] WithBadCrc(byte[] png)
    {
        var copy = (byte[])png.Clone();
        int idat = IndexOf(copy, "IDAT"u8);
        copy[idat + 8] ^= 0x55;
        return copy;
    }

    /// <summary>The same PNG with its image data compressed data damaged and the CRC recomputed, so only zlib can tell.</summary>
    public static byte[] WithCorruptData(byte[] png)
    {
        int idat = IndexOf(png, "IDAT"u8);
        var data = png.AsSpan(idat + 4, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(idat - 4))).ToArray();
        data[0] = 0xFF; // not a zlib header
        var before = png.AsSpan(0, idat - 4).ToArray();
        var after = png.AsSpan(idat + 8 + data.Length).ToArray();
        using var s = new MemoryStream();
        s.Write(before);
        Chunk(s, "IDAT", data);
        s.Write(after);
        return s.ToArray();
    }

    private static int IndexOf(byte[] png, ReadOnlySpan<byte> type) => png.AsSpan().IndexOf(type);

    private static int Index(List<uint> palette, uint color)
    {
        int i = palette.IndexOf(color);
        if (i < 0)
        {
            palette.Add(color);
            i = palette.Count - 1;
        }
        return i;
    }

    private static void Put(byte[] line, int index, int depth, int value)
    {
        if (depth == 16)
        {
            BinaryPrimitives.WriteUInt16BigEndian(line.AsSpan(index * 2), (ushort)value);
        }
        else if (depth == 8)
        {
            line[index] = (byte)value;
        }
        else
        {
            int bit = index * depth;
            line[bit >> 3] |= (byte)(value << (8 - depth - (bit & 7)));
        }
    }

    private static byte[] Filter(byte[] line, byte[] up, int filter, int bpp)
    {
        var o = new byte[line.Length];
        for (int i = 0; i < line.Length; i++)
        {
            int a = i >= bpp ? line[i - bpp] : 0, b = up[i], c = i >= bpp ? up[i - bpp] : 0;
            int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            int predictor = filter switch { 0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2, _ => pa <= pb && pa <= pc ? a : pb <= pc ? b : c };
            o[i] = (byte)(line[i] - predictor);
        }
        return o;
    }

    private static byte[] Compress(byte[] raw)
    {
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(raw);
        }
        return compressed.ToArray();
    }

    private static byte[] Assemble(IEnumerable<(string Type, byte[] Data)> chunks)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        foreach (var (type, data) in chunks)
        {
            Chunk(png, type, data);
        }
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
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

    private static uint Crc(byte[] data)
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
