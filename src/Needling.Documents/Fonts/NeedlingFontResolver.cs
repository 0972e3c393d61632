using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Needling.Documents.Fonts;

/// <summary>
/// The process-wide PDFsharp font resolver (PDFsharp allows only one: GlobalFontSettings.FontResolver). Each
/// <see cref="FontFace"/> registers a family name of its own; faces are identified by file path.
/// </summary>
internal sealed class NeedlingFontResolver : IFontResolver
{
    public static readonly NeedlingFontResolver Instance = new();

    private static readonly ConcurrentDictionary<string, FontFace> Families = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> FamilyByFiles = new(StringComparer.Ordinal);
    private static int count;

    private NeedlingFontResolver()
    {
    }

    /// <summary>The family name for a face; the same files always get the same name, as PDFsharp caches by name.</summary>
    public static string Register(FontFace face)
    {
        var key = face.Regular.Path + "|" + face.Bold?.Path;
        var family = FamilyByFiles.GetOrAdd(key, _ => $"Needling {face.Script} {Interlocked.Increment(ref count)}");
        Families.TryAdd(family, face);
        return family;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!Families.TryGetValue(familyName, out var face))
        {
            return null;
        }

        return bold && face.Bold is not null
            ? new FontResolverInfo(face.Bold.Path, false, italic)
            : new FontResolverInfo(face.Regular.Path, bold, italic);
    }

    // Faces are loaded before they are registered, so this is a cache hit; the bytes stay valid if the file goes.
    public byte[]? GetFont(string faceName) => FontFile.Loaded(faceName)?.Bytes;
}
