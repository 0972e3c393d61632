using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Needling.ClinicalRules;

// One body area of the vocabulary. DepthZone is the zone of the depth chart (Codes.Zones) a depth recorded on
// this area is checked against; null where depth is recorded per sub-area instead (the face as a whole).
public sealed record BodyArea(string Code, string? Parent, string? DepthZone, IReadOnlyDictionary<string, string> Names);

// The body areas that findings, bookings, sessions and rules speak of, as a hierarchy (clinical-defaults.md,
// "Body areas"): a finding on an area applies to every area inside it. Kept as data in Defaults/body-areas.json
// so that a clinician can read and correct it without reading code.
public sealed partial class BodyAreaVocabulary
{
    private const string ResourceName = "Needling.ClinicalRules.Defaults.body-areas.json";
    private const string FallbackLanguage = "en";

    private static readonly Lazy<BodyAreaVocabulary> Loaded = new(() => Parse(ReadJson()));

    private readonly FrozenDictionary<string, BodyArea> _byCode;

    private BodyAreaVocabulary(IReadOnlyList<BodyArea> areas)
    {
        All = areas;
        _byCode = areas.ToFrozenDictionary(a => a.Code, StringComparer.Ordinal);
    }

    public static BodyAreaVocabulary Default => Loaded.Value;

    public IReadOnlyList<BodyArea> All { get; }

    public bool Contains(string code) => code is not null && _byCode.ContainsKey(code);

    // True when area is ancestorOrSelf or lies inside it. A code outside the vocabulary covers only itself:
    // where it sits in the body is not known, so no hierarchy can be read into it.
    public bool Covers(string ancestorOrSelf, string area)
    {
        ArgumentNullException.ThrowIfNull(ancestorOrSelf);
        ArgumentNullException.ThrowIfNull(area);
        for (string? code = area; code is not null; code = _byCode.GetValueOrDefault(code)?.Parent)
        {
            if (string.Equals(code, ancestorOrSelf, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    // Two areas overlap when either lies inside the other ("face" and "cheeks"); siblings ("cheeks", "chin") do not.
    public bool Overlap(string a, string b) => Covers(a, b) || Covers(b, a);

    public string? DepthZone(string code) => _byCode.GetValueOrDefault(code)?.DepthZone;

    // The area's name in en, ja or th; English when the language has none, the code itself for an unknown area.
    public string Name(string code, string language)
    {
        if (!_byCode.TryGetValue(code, out var area))
        {
            return code;
        }
        return area.Names.GetValueOrDefault(language) ?? area.Names.GetValueOrDefault(FallbackLanguage) ?? code;
    }

    // The embedded JSON as shipped.
    public static string ReadJson()
    {
        using var stream = typeof(BodyAreaVocabulary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // Strict, like the rule set: a misspelt parent or zone would silently change which findings block a session.
    // Throws FormatException naming the area at fault.
    public static BodyAreaVocabulary Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        AreasFile file;
        try
        {
            file = JsonSerializer.Deserialize<AreasFile>(json, Options) ?? throw new FormatException("The body-area list is empty.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The body-area list is not valid JSON: {e.Message}", e);
        }
        var areas = new List<BodyArea>(file.Areas.Count);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in file.Areas)
        {
            if (!Slug().IsMatch(a.Code))
            {
                throw new FormatException($"Body area '{a.Code}': a code is lower-case letters, digits and hyphens.");
            }
            if (!codes.Add(a.Code))
            {
                throw new FormatException($"Body area '{a.Code}' is listed twice.");
            }
            if (a.DepthZone is not null && !Codes.Zones.Contains(a.DepthZone))
            {
                throw new FormatException($"Body area '{a.Code}': depth zone '{a.DepthZone}' is not one of {string.Join(", ", Codes.Zones.Order())}.");
            }
            if (!a.Names.TryGetValue(FallbackLanguage, out var english) || string.IsNullOrWhiteSpace(english))
            {
                throw new FormatException($"Body area '{a.Code}' needs an English name.");
            }
            areas.Add(new BodyArea(a.Code, a.Parent, a.DepthZone, a.Names.ToFrozenDictionary(StringComparer.Ordinal)));
        }
        foreach (var a in areas)
        {
            // Parents must be listed, and following them must end: a cycle would make Covers loop for ever.
            var seen = new HashSet<string>(StringComparer.Ordinal) { a.Code };
            for (var parent = a.Parent; parent is not null; parent = areas.First(p => p.Code == parent).Parent)
            {
                if (!codes.Contains(parent))
                {
                    throw new FormatException($"Body area '{a.Code}': parent '{parent}' is not in the list.");
                }
                if (!seen.Add(parent))
                {
                    throw new FormatException($"Body area '{a.Code}' lies inside itself (through '{parent}').");
                }
            }
        }
        return new BodyAreaVocabulary(areas);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex Slug();

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
    };

    private sealed record AreasFile(IReadOnlyList<AreaRow> Areas);

    private sealed record AreaRow(string Code, string? Parent, string? DepthZone, Dictionary<string, string> Names);
}
