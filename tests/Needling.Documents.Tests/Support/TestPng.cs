using System.Buffers.Binary;
using System.IO.Compression;

namespace Needling.Documents.Tests.Support;

// A drawn-signature stand-in: a dark blue wave on a transparent background, encoded as RGBA PNG here so the tests
// need no image files.
internal static class TestPng
{
    public static byte[] Signature(int width = 240, int height = 80)
    {
        var raw = new byte[height * (1 + 4 * width)];
        for (int x = 0; x < width; x++)
        {
            int y0 = (int)(height / 2 + height / 3.0 * Math.Sin(x / 18.0) * Math.Cos(x / 53.0));
            for (int y = Math.Max(0, y0 - 2); y <= Math.Min(height - 1, y0 + 2); y++)
            {
                int at = y * (1 + 4 * width) + 1 + 4 * x;
                (raw[at], raw[at + 1], raw[at + 2], raw[at + 3]) = ((byte)0x10, (byte)0x2A, (byte)0x6B, (byte)0xFF);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (8, 6); // 8 bits per channel, RGBA
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var buffer = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        output.Write(buffer);
        var body = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(body);
        BinaryPrimitives.WriteUInt32BigEndian(buffer, Crc32(body));
        output.Write(buffer);
    }

    // PNG's CRC-32 (ISO 3309), bit by bit: a few hundred bytes per test image.
    private static uint Crc32(byte[] data)
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
