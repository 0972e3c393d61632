using System.Buffers.Binary;

namespace Needling.Documents.Rendering;

/// <summary>Reads a PNG's pixel size from its header, so a bad image fails when it is added, not at rendering.</summary>
internal static class PngInfo
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) Size(byte[] png)
    {
        // Signature, then the IHDR chunk: length (4), "IHDR" (4), width (4), height (4).
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(Signature) || png[12] != 'I' || png[13] != 'H' || png[14] != 'D' || png[15] != 'R')
        {
            throw new ArgumentException("Not a PNG image.", nameof(png));
        }

        int width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentException("The PNG image has no pixels.", nameof(png));
        }

        return (width, height);
    }
}
