using System.Collections.Concurrent;
using System.Text;

namespace Needling.Documents.Fonts;

/// <summary>
/// The fonts found in one set of folders. Folders are scanned once, fonts resolved once per script, and catalogs
/// cached per folder list, so rendering never touches the file system after the first document.
/// </summary>
internal sealed class FontCatalog
{
    private static readonly ConcurrentDictionary<string, FontCatalog> Cache = new(StringComparer.Ordinal);

    private readonly IReadOnlyList<string> folders;
    private readonly Lazy<Dictionary<string, string>> files;
    private readonly Lazy<FontFace?>[] faces;
    private readonly Lazy<FontFace[]> fallbacks;

    private FontCatalog(IReadOnlyList<string> folders)
    {
        this.folders = folders;
        files = new Lazy<Dictionary<string, string>>(Scan);
        faces = Enum.GetValues<TextScript>().Select(s => new Lazy<FontFace?>(() => Find(s))).ToArray();
        fallbacks = new Lazy<FontFace[]>(() => [.. FontCandidates.Fallbacks.Select(c => Load(c, TextScript.Latin)).OfType<FontFace>()]);
    }

    public static FontCatalog For(FontSettings settings) =>
        Cache.GetOrAdd(string.Join('\n', settings.Folders), _ => new FontCatalog([.. settings.Folders]));

    /// <summary>The face for a script, or a <see cref="MissingFontException"/> naming the package to install.</summary>
    public FontFace Get(TextScript script) => TryGet(script) ?? throw Missing(script);

    public FontFace? TryGet(TextScript script) => faces[(int)script].Value;

    /// <summary>
    /// Another installed face that covers a character its own script's font lacks (e.g. ※ in Japanese text, or a
    /// Devanagari, Hangul or Arabic name): the other scripts' faces first, then <see cref="FontCandidates.Fallbacks"/>.
    /// </summary>
    public FontFace? Fallback(int codePoint)
    {
        foreach (var script in Enum.GetValues<TextScript>())
        {
            if (TryGet(script) is { } face && face.Covers(codePoint))
            {
                return face;
            }
        }

        return Array.Find(fallbacks.Value, f => f.Covers(codePoint));
    }

    private FontFace? Find(TextScript script) =>
        FontCandidates.For(script).Select(c => Load(c, script)).FirstOrDefault(f => f is not null);

    private FontFace? Load(FontCandidate candidate, TextScript script)
    {
        if (!files.Value.TryGetValue(candidate.RegularFile, out var regular))
        {
            return null;
        }

        var bold = candidate.BoldFile is not null && files.Value.TryGetValue(candidate.BoldFile, out var b) ? b : null;
        return new FontFace(script, FontFile.Load(regular), bold is null ? null : FontFile.Load(bold));
    }

    // File name -> path; the first folder (and the first file within it) wins.
    private Dictionary<string, string> Scan()
    {
        var wanted = Enum.GetValues<TextScript>().SelectMany(FontCandidates.For).Concat(FontCandidates.Fallbacks)
            .SelectMany(c => c.BoldFile is null ? [c.RegularFile] : new[] { c.RegularFile, c.BoldFile })
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive };
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*.ttf", options).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                if (wanted.Contains(name))
                {
                    found.TryAdd(name, path);
                }
            }
        }

        return found;
    }

    private MissingFontException Missing(TextScript script)
    {
        var files = string.Join(" or ", FontCandidates.For(script).Select(c => c.RegularFile));
        var message = new StringBuilder()
            .Append("No font for ").Append(script).Append(" text is installed: install the Debian package ")
            .Append(FontCandidates.DebianPackage(script)).Append(FontCandidates.AlternativePackage(script))
            .Append(" (apt-get install ").Append(FontCandidates.DebianPackage(script)).Append("), or put ")
            .Append(files).Append(" in a font folder. Searched: ")
            .Append(folders.Count == 0 ? "(no folders)" : string.Join(", ", folders)).Append('.');
        return new MissingFontException(message.ToString(), script, FontCandidates.DebianPackage(script));
    }
}
