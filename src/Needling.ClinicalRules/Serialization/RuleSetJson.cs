using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Needling.ClinicalRules;

// The rule set's exchange format: camelCase properties, enums as their names ("Block", "ProductNotCleared").
// Deserialize is strict, because a mistyped rule would silently stop protecting patients.
public static class RuleSetJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
        WriteIndented = true,
        // Readable for the administrators who edit rule sets: apostrophes and non-Latin scripts stay as written.
        // Safe here because a rule set is a file or an API payload, never inlined into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
    };

    public static string Serialize(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return JsonSerializer.Serialize(rules, Options);
    }

    // Throws FormatException naming the bad rule (its id, or its position when it has none).
    public static RuleSet Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new FormatException($"The rule set is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new FormatException("The rule set must be a JSON object with version, protocols and contraindications.");
            CheckOnlyKnownProperties(root);
            var rules = new RuleSet(
                ReadVersion(root),
                ReadRules<ProtocolRule>(root, "protocols"),
                ReadRules<ContraindicationRule>(root, "contraindications"));
            RuleSetValidator.Validate(rules);
            return rules;
        }
    }

    private static void CheckOnlyKnownProperties(JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
            if (property.Name is not ("version" or "protocols" or "contraindications"))
                throw new FormatException($"The rule set has an unknown property '{property.Name}'.");
    }

    private static int ReadVersion(JsonElement root) =>
        root.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var value)
            ? value
            : throw new FormatException("The rule set needs an integer 'version'.");

    private static List<T> ReadRules<T>(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
            throw new FormatException($"The rule set needs an array '{name}'.");

        var rules = new List<T>(array.GetArrayLength());
        var position = 0;
        foreach (var element in array.EnumerateArray())
        {
            try
            {
                rules.Add(element.Deserialize<T>(Options) ?? throw new JsonException("the rule is null"));
            }
            catch (JsonException e)
            {
                throw new FormatException($"Rule {Describe(element, name, position)} is invalid: {e.Message}", e);
            }
            position++;
        }
        return rules;
    }

    private static string Describe(JsonElement element, string arrayName, int position) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? $"'{id.GetString()}' ({arrayName}[{position}])"
            : $"{arrayName}[{position}]";
}
