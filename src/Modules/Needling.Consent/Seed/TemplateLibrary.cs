using System.Text.Json;
using Needling.Consent.Domain;

namespace Needling.Consent.Seed;

/// <summary>Version 1 of every consent form, shipped as embedded JSON (Templates/*.json, reviewed text).</summary>
internal static class TemplateLibrary
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

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
