namespace Needling.ClinicalRules;

// The rule set a new clinic starts with: every value of shared/clinical-defaults.md, as data with its source.
public static class DefaultRuleSet
{
    private const string ResourceName = "Needling.ClinicalRules.Defaults.default-rules.json";

    // Read and validated once. Returning the same instance also lets the engine reuse its lookup index.
    private static readonly Lazy<RuleSet> Loaded = new(() => RuleSetJson.Deserialize(ReadJson()));

    public static RuleSet Load() => Loaded.Value;

    // The embedded JSON as shipped, e.g. for an administrator to start editing a clinic's own rule set.
    public static string ReadJson()
    {
        using var stream = typeof(DefaultRuleSet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
