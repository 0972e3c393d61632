using System.Text.Json;

namespace Needling.Api.Tests.Contract.Fuzz;

/// <summary>One operation of the published OpenAPI document, as the fuzzer needs it.</summary>
public sealed record Operation(string Method, string Path, IReadOnlyList<Parameter> Parameters, string? BodyType, JsonElement? BodySchema, bool Anonymous)
{
    public override string ToString() => $"{Method} {Path}";
}

public sealed record Parameter(string Name, string In, bool Required, JsonElement Schema);

/// <summary>Reads operations and resolves schema references from an OpenAPI 3.0 document.</summary>
public sealed class Operations(JsonDocument document)
{
    private readonly JsonElement _schemas = document.RootElement.GetProperty("components").TryGetProperty("schemas", out var s) ? s : default;

    public IReadOnlyList<Operation> All()
    {
        var list = new List<Operation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var parameters = op.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Select(p => new Parameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("required", out var r) && r.GetBoolean(), p.TryGetProperty("schema", out var sc) ? sc : default)).ToList()
                    : [];
                string? bodyType = null;
                JsonElement? bodySchema = null;
                if (op.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
                {
                    var first = content.EnumerateObject().First();
                    bodyType = first.Name;
                    bodySchema = first.Value.TryGetProperty("schema", out var bs) ? bs : null;
                }
                var anonymous = op.Value.TryGetProperty("security", out var sec) && sec.GetArrayLength() == 0;
                list.Add(new Operation(op.Name.ToUpperInvariant(), path.Name, parameters, bodyType, bodySchema, anonymous));
            }
        }
        return list;
    }

    /// <summary>The schema a <c>$ref</c> points at (or the schema itself).</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        for (var depth = 0; depth < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); depth++)
        {
            schema = _schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1)
        {
            return Resolve(all[0]);
        }
        return schema;
    }
}
