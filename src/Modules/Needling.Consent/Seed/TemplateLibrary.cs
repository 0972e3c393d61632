using System.Text.Json;
using Needling.Consent.Domain;

namespace Needling.Consent.Seed;

/// <summary>The consent forms shipped with Needling, as embedded JSON (Templates/*.json, reviewed text).</summary>
internal static class TemplateLibrary
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Which edition of the shipped text Templates/*.json holds. Raise it (and say what changed in <see cref="EditionNote"/>)
    /// whenever the shipped text changes: clinics still on the shipped forms then get it as a new version on upgrade.
    /// Edition 1 was the first text; edition 2 added the risks of issue 12 and removed "clean the roller with alcohol".
    /// </summary>
    public const int Edition = 2;

    /// <summary>Edition 2 adds risks, so a consent signed on edition 1 no longer covers what the patient was told.</summary>
    public const bool EditionRequiresReconsent = true;

    public const string EditionNote = "risks added: scarring, cold sores, reactions to applied products and numbing cream, tram-track marks, nerve irritation, broken needle, donor infection, immune reaction, lumps, regulatory status; single-use sterile rollers and cartridges";

    /// <summary>How a shipped version is marked in its Note, so an upgrade can tell shipped text from a clinic's own.</summary>
    public static string NoteFor(int edition) => $"Shipped with Needling, edition {edition} ({EditionNote}).";

    public static bool IsEdition(string? note, int edition) =>
        note is not null && note.StartsWith($"Shipped with Needling, edition {edition} ", StringComparison.Ordinal);

    public static IReadOnlyList<TemplateContent> Defaults()
    {
        var assembly = typeof(TemplateLibrary).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Needling.Consent.Templates.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return JsonSerializer.Deserialize<TemplateContent>(stream, Json) ?? throw new InvalidOperationException($"Empty consent template {n}.");
            })
            .ToList();
    }
}
