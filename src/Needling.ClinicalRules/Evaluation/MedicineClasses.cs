using System.Text.Json;

namespace Needling.ClinicalRules;

// "Other" medicines typed as free text are read against a list of names per class (Defaults/medicine-classes.json),
// so that "Xarelto 20mg" entered as other counts as an anticoagulant (clinical-defaults.md, contraindications).
public static class MedicineClasses
{
    private const string ResourceName = "Needling.ClinicalRules.Defaults.medicine-classes.json";

    private static readonly Lazy<IReadOnlyList<(string Name, string ClassCode)>> Names = new(Load);

    // The class of the first listed name found inside the text (any case), or null when none is.
    public static string? ClassOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var lower = text.ToLowerInvariant();
        foreach (var (name, classCode) in Names.Value)
            if (lower.Contains(name, StringComparison.Ordinal))
                return classCode;
        return null;
    }

    public static IReadOnlyList<(string Name, string ClassCode)> All => Names.Value;

    private static IReadOnlyList<(string, string)> Load()
    {
        using var stream = typeof(MedicineClasses).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        using var document = JsonDocument.Parse(stream);
        var names = new List<(string, string)>();
        foreach (var cls in document.RootElement.GetProperty("classes").EnumerateObject())
            foreach (var name in cls.Value.EnumerateArray())
                names.Add((name.GetString()!.ToLowerInvariant(), cls.Name));
        return names;
    }
}
