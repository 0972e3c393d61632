using System.Buffers.Binary;
using System.Collections.Concurrent;

namespace Needling.Documents.Fonts;

/// <summary>
/// The parts of a TrueType/OpenType file the layout needs: which code points it maps to a glyph (cmap) and each
/// glyph's advance width (hmtx). Read here rather than through PDFsharp so that coverage can be checked before
/// drawing (PDFsharp would draw a box) and widths measured without a graphics context, on any thread.
/// PDFsharp applies no kerning, so these advances are exactly what it writes.
/// </summary>
internal sealed class FontFile
{
    private static readonly ConcurrentDictionary<string, Lazy<FontFile>> Cache = new(StringComparer.Ordinal);

    private readonly Dictionary<int, int> glyphs;
    private readonly ushort[] advances;
    private readonly double unitsPerEm;

    private readonly ConcurrentDictionary<int, IReadOnlyList<OutlinePoint[]>> outlines = new();
    private readonly uint[]? glyphOffsets;
    private readonly int glyfStart;

    private FontFile(string path, byte[] bytes, Dictionary<int, int> glyphs, ushort[] advances, double unitsPerEm, uint[]? glyphOffsets, int glyfStart)
    {
        Path = path;
        Bytes = bytes;
        this.glyphs = glyphs;
        this.advances = advances;
        this.unitsPerEm = unitsPerEm;
        this.glyphOffsets = glyphOffsets;
        this.glyfStart = glyfStart;
    }

    public string Path { get; }

    public byte[] Bytes { get; }

    /// <summary>Loads and parses a file once per process.</summary>
    public static FontFile Load(string path) => Cache.GetOrAdd(path, p => new Lazy<FontFile>(() => Parse(p, File.ReadAllBytes(p)))).Value;

    /// <summary>A file already loaded by <see cref="Load"/>, or null.</summary>
    public static FontFile? Loaded(string path) =>
        Cache.TryGetValue(path, out var file) && file.IsValueCreated ? file.Value : null;

    public bool Covers(int codePoint) => glyphs.ContainsKey(codePoint);

    /// <summary>The advance width in em (multiply by the size in points); 0 for an unmapped code point.</summary>
    public double Advance(int codePoint) =>
        glyphs.TryGetValue(codePoint, out int glyph) ? advances[Math.Min(glyph, advances.Length - 1)] / unitsPerEm : 0;

    /// <summary>
    /// The glyph's bounding box in em, relative to the pen position and baseline (y up); null for an unmapped code
    /// point, an empty glyph or a font without TrueType outlines. Thai mark placement is computed from these.
    /// </summary>
    public GlyphBox? Bounds(int codePoint)
    {
        if (glyphOffsets is null || !glyphs.TryGetValue(codePoint, out int glyph) || glyph + 1 >= glyphOffsets.Length
            || glyphOffsets[glyph + 1] - glyphOffsets[glyph] < 10)
        {
            return null;
        }

        var header = Bytes.AsSpan(glyfStart + (int)glyphOffsets[glyph], 10);
        return new GlyphBox((short)U16(header, 2) / unitsPerEm, (short)U16(header, 4) / unitsPerEm,
            (short)U16(header, 6) / unitsPerEm, (short)U16(header, 8) / unitsPerEm, Advance(codePoint));
    }

    /// <summary>The glyph's contours in em (y up, from the pen position); empty for an unmapped code point.</summary>
    public IReadOnlyList<OutlinePoint[]> Outline(int codePoint) => outlines.GetOrAdd(codePoint, cp =>
        glyphOffsets is not null && glyphs.TryGetValue(cp, out int glyph)
            ? GlyphOutline.Read(Bytes.AsSpan(glyfStart), glyphOffsets, glyph, unitsPerEm)
            : []);

    internal static FontFile Parse(string path, byte[] bytes)
    {
        try
        {
            var data = bytes.AsSpan();
            var head = Table(data, "head");
            var hhea = Table(data, "hhea");
            var hmtx = Table(data, "hmtx");
            int metrics = U16(hhea, 34);
            var advances = new ushort[metrics];
            for (int i = 0; i < metrics; i++)
            {
                advances[i] = U16(hmtx, 4 * i);
            }

            var (offsets, glyfStart) = GlyphOffsets(data, head);
            return new FontFile(path, bytes, ReadCmap(Table(data, "cmap")), advances, U16(head, 18), offsets, glyfStart);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or InvalidDataException)
        {
            throw new InvalidDataException($"Not a TrueType font file that can be read: {path} ({e.Message})", e);
        }
    }

    // 'loca' gives each glyph's offset in 'glyf' (short offsets are stored halved); absent in CFF-based fonts.
    private static (uint[]? Offsets, int GlyfStart) GlyphOffsets(ReadOnlySpan<byte> data, ReadOnlySpan<byte> head)
    {
        if (TableOffset(data, "loca") is not { } loca || TableOffset(data, "glyf") is not { } glyf)
        {
            return (null, 0);
        }

        bool longOffsets = U16(head, 50) == 1;
        int count = loca.Length / (longOffsets ? 4 : 2);
        var offsets = new uint[count];
        for (int i = 0; i < count; i++)
        {
            offsets[i] = longOffsets ? U32(data, loca.Offset + 4 * i) : 2u * U16(data, loca.Offset + 2 * i);
        }

        return (offsets, glyf.Offset);
    }

    private static (int Offset, int Length)? TableOffset(ReadOnlySpan<byte> data, string tag)
    {
        int count = U16(data, 4);
        for (int i = 0; i < count; i++)
        {
            var record = data.Slice(12 + 16 * i, 16);
            if (record[0] == tag[0] && record[1] == tag[1] && record[2] == tag[2] && record[3] == tag[3])
            {
                return ((int)U32(record, 8), (int)U32(record, 12));
            }
        }

        return null;
    }

    private static ReadOnlySpan<byte> Table(ReadOnlySpan<byte> data, string tag)
    {
        if (U32(data, 0) == 0x74746366)
        {
            throw new InvalidDataException("font collections (.ttc) are not supported");
        }

        return TableOffset(data, tag) is { } table ? data.Slice(table.Offset, table.Length) : throw new InvalidDataException($"no '{tag}' table");
    }

    // Prefers the full-Unicode subtable (format 12), else the BMP one (format 4), from the Windows or Unicode platform.
    private static Dictionary<int, int> ReadCmap(ReadOnlySpan<byte> cmap)
    {
        int best = -1, bestRank = 0;
        int count = U16(cmap, 2);
        for (int i = 0; i < count; i++)
        {
            int platform = U16(cmap, 4 + 8 * i), encoding = U16(cmap, 6 + 8 * i);
            int offset = (int)U32(cmap, 8 + 8 * i);
            int format = U16(cmap, offset);
            int rank = (platform, encoding, format) switch
            {
                (3, 10, 12) or (0, 4, 12) or (0, 6, 12) => 3,
                (3, 1, 4) or (0, 3, 4) => 2,
                (0, _, 4) => 1,
                _ => 0,
            };
            if (rank > bestRank)
            {
                (best, bestRank) = (offset, rank);
            }
        }

        if (best < 0)
        {
            throw new InvalidDataException("no Unicode cmap");
        }

        return U16(cmap, best) == 12 ? Format12(cmap[best..]) : Format4(cmap[best..]);
    }

    private static Dictionary<int, int> Format12(ReadOnlySpan<byte> table)
    {
        var map = new Dictionary<int, int>();
        long groups = U32(table, 12);
        for (int g = 0; g < groups; g++)
        {
            var group = table.Slice(16 + 12 * g, 12);
            uint start = U32(group, 0), end = U32(group, 4), glyph = U32(group, 8);
            for (uint cp = start; cp <= end && cp <= 0x10FFFF; cp++)
            {
                if (glyph + (cp - start) != 0)
                {
                    map[(int)cp] = (int)(glyph + (cp - start));
                }
            }
        }

        return map;
    }

    private static Dictionary<int, int> Format4(ReadOnlySpan<byte> table)
    {
        var map = new Dictionary<int, int>();
        int segments = U16(table, 6) / 2;
        int ends = 14, starts = ends + 2 * segments + 2, deltas = starts + 2 * segments, ranges = deltas + 2 * segments;
        for (int s = 0; s < segments; s++)
        {
            int start = U16(table, starts + 2 * s), end = U16(table, ends + 2 * s);
            int delta = (short)U16(table, deltas + 2 * s), rangeOffset = U16(table, ranges + 2 * s);
            for (int cp = start; cp <= end && cp != 0xFFFF; cp++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (cp + delta) & 0xFFFF;
                }
                else
                {
                    // idRangeOffset counts from its own position in the table (the OpenType spec's pointer trick).
                    int at = ranges + 2 * s + rangeOffset + 2 * (cp - start);
                    glyph = U16(table, at);
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    map[cp] = glyph;
                }
            }
        }

        return map;
    }

    private static ushort U16(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);

    private static uint U32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);
}
