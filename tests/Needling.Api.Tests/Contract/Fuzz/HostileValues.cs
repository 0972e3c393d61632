using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Needling.Api.Tests.Contract.Fuzz;

/// <summary>
/// Values for a schema: mostly plausible ones (so a request gets past the first check and reaches the next),
/// with a share of hostile ones — wrong types, huge and negative numbers, odd Unicode, very long strings,
/// injection strings, impossible dates — and whole bodies that are not what the operation takes.
/// </summary>
public sealed class HostileValues(Random random, Operations operations, IReadOnlyDictionary<string, Guid[]> knownIds)
{
    private static readonly string[] Strings =
    [
        "", " ", "null", "' OR '1'='1' --", "Robert'); DROP TABLE patients;--", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
        "{{7*7}}", "../../../../etc/passwd", "%00", "\0", "a\0b", "\u202Eevil", "\u200B\u200C\u200D", "e\u0301\u0301\u0301\u0301",
        "👩🏽‍⚕️💉", "\uFFFF", "\uD800", "नमस्ते", "안녕하세요", "مرحبا", "Ω≈ç√∫", "１２３", "-1", "NaN", "Infinity", "1e309",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-12-07T10:00:00", "2026-02-30", "24:61", "true", "[]", "{}",
    ];

    private static readonly JsonNode?[] Numbers =
    [
        JsonValue.Create(-1), JsonValue.Create(0), JsonValue.Create(int.MaxValue), JsonValue.Create(int.MinValue), JsonValue.Create(long.MaxValue),
        JsonValue.Create(-9_007_199_254_740_993L), JsonValue.Create(1.5e300), JsonValue.Create(-0.000001), JsonValue.Create(decimal.MaxValue),
        JsonNode.Parse("1e400"), JsonNode.Parse("123456789012345678901234567890"),
    ];

    public JsonNode? Plausible(JsonElement schema, string name, int depth = 0)
    {
        schema = operations.Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return JsonValue.Create(Word());
        }
        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[random.Next(values.GetArrayLength())].GetRawText());
        }
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (Type(schema))
        {
            case "integer":
                return JsonValue.Create(random.Next(0, 120));
            case "number":
                return JsonValue.Create(Math.Round(random.NextDouble() * 3, 2));
            case "boolean":
                return JsonValue.Create(random.Next(2) == 0);
            case "array":
                var array = new JsonArray();
                var items = schema.TryGetProperty("items", out var it) ? it : default;
                for (var i = random.Next(0, 3); i > 0 && depth < 6; i--)
                {
                    array.Add(items.ValueKind == JsonValueKind.Undefined ? Word() : Mutated(items, name, depth + 1));
                }
                return array;
            case "object":
                return depth < 6 ? Object(schema, depth + 1) : new JsonObject();
            default:
                return JsonValue.Create(PlausibleString(format, name));
        }
    }

    /// <summary>Usually plausible, sometimes hostile.</summary>
    public JsonNode? Mutated(JsonElement schema, string name, int depth = 0) => random.Next(10) < 7 ? Plausible(schema, name, depth) : Hostile();

    public JsonNode? Hostile() => random.Next(8) switch
    {
        0 => null,
        1 => Numbers[random.Next(Numbers.Length)]?.DeepClone(),
        2 => JsonValue.Create(new string("aZ9 ü"[random.Next(5)], random.Next(2_000, 70_000))),
        3 => new JsonArray(JsonValue.Create(Word()), null, new JsonObject()),
        4 => new JsonObject { ["$type"] = "System.IO.FileInfo", ["__proto__"] = new JsonObject { ["admin"] = true } },
        5 => JsonValue.Create(random.Next(2) == 0),
        _ => JsonValue.Create(Strings[random.Next(Strings.Length)]),
    };

    /// <summary>An object of the schema: each property plausible or hostile, some missing, some extra.</summary>
    public JsonObject Object(JsonElement schema, int depth = 0)
    {
        schema = operations.Resolve(schema);
        var result = new JsonObject();
        var required = schema.TryGetProperty("required", out var req) ? req.EnumerateArray().Select(r => r.GetString()!).ToHashSet() : [];
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var p in properties.EnumerateObject())
            {
                var include = required.Contains(p.Name) ? random.Next(20) > 0 : random.Next(3) > 0;
                if (include)
                {
                    result[p.Name] = Mutated(p.Value, p.Name, depth);
                }
            }
        }
        if (random.Next(6) == 0)
        {
            result[Strings[random.Next(Strings.Length)] is { Length: > 0 } odd ? odd : "extra"] = Hostile();
        }
        return result;
    }

    /// <summary>A body that is not what the operation takes at all.</summary>
    public string Garbage() => random.Next(9) switch
    {
        0 => "",
        1 => "{",
        2 => "null",
        3 => "[1,2,3]",
        4 => new string('[', 5_000) + new string(']', 5_000),
        5 => "\"just a string\"",
        6 => "{\"a\":\"\\ud800\"}",
        7 => "{\"patientId\": 1e999999}",
        _ => "\0\u0001\u0002 not json",
    };

    /// <summary>A path or query value for a parameter: a known id, something of the right type, or something hostile.</summary>
    public string ParameterValue(Parameter parameter, string path)
    {
        var schema = parameter.Schema.ValueKind == JsonValueKind.Undefined ? default : operations.Resolve(parameter.Schema);
        var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var roll = random.Next(10);
        if (roll < 5 && format == "uuid")
        {
            return KnownId(parameter.Name, path).ToString();
        }
        if (roll < 8)
        {
            return Plausible(schema, parameter.Name) switch
            {
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                JsonNode n => n.ToJsonString(),
                null => "",
            };
        }
        return random.Next(4) == 0 ? new string('9', random.Next(20, 400)) : Strings[random.Next(Strings.Length)];
    }

    public Guid KnownId(string name, string path)
    {
        var key = knownIds.Keys.FirstOrDefault(k => name.StartsWith(k, StringComparison.OrdinalIgnoreCase))
                  ?? knownIds.Keys.FirstOrDefault(k => path.Contains("/" + k, StringComparison.OrdinalIgnoreCase));
        var pool = key is null ? knownIds.Values.SelectMany(v => v).ToArray() : knownIds[key];
        return random.Next(8) == 0 ? Guid.NewGuid() : pool[random.Next(pool.Length)];
    }

    private string PlausibleString(string? format, string name) => format switch
    {
        "uuid" => KnownId(name, "").ToString(),
        "date-time" => new DateTimeOffset(2026, 12, 7 + random.Next(20), random.Next(7, 19), 0, 0, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture),
        "date" => new DateOnly(1950 + random.Next(70), 1 + random.Next(12), 1 + random.Next(28)).ToString("O", CultureInfo.InvariantCulture),
        "time" => $"{random.Next(7, 20):00}:{random.Next(0, 4) * 15:00}:00",
        "email" => "fuzz@example.com",
        _ => name.ToLowerInvariant() switch
        {
            var n when n.Contains("treatment") => random.Next(2) == 0 ? "MN-PEN" : "DN",
            var n when n.Contains("indication") => "acne-scars",
            var n when n.Contains("language") => "en",
            var n when n.Contains("area") => "cheeks",
            _ => Word(),
        },
    };

    private string Word() => Strings[random.Next(Strings.Length)] is var s && random.Next(3) == 0 ? s : "fuzz" + random.Next(1000);

    private static string? Type(JsonElement schema) =>
        schema.TryGetProperty("type", out var t) ? t.ValueKind == JsonValueKind.String ? t.GetString() : null
        : schema.TryGetProperty("properties", out _) ? "object" : null;
}
