using System.Text.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Contract;

/// <summary>The published document read as an integrator's tools read it: names, security, errors, types.</summary>
public sealed class OpenApiDocumentTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    // Everything a patient opens from a link or a calendar subscribes to, and signing in itself.
    private static readonly string[] Anonymous =
    [
        "POST /auth/token", "GET /calendar/{token}.ics",
        "GET /consent/sign/{token}", "POST /consent/sign/{token}", "GET /consent/sign/{token}/pdf",
        "GET /aftercare/{token}", "GET /aftercare/{token}/pdf", "GET /aftercare/follow-up/{token}", "POST /aftercare/follow-up/{token}",
    ];

    [Fact]
    public async Task Every_operation_has_a_unique_id_its_security_and_problem_answers()
    {
        using var doc = await Document();
        var operations = Operations(doc).ToList();
        var ids = operations.Select(o => o.Op.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var anonymous = operations.Where(o => o.Op.TryGetProperty("security", out var s) && s.GetArrayLength() == 0).Select(o => o.Name).Order();
        Assert.Equal(Anonymous.Order(), anonymous);
        foreach (var (name, op) in operations.Where(o => !Anonymous.Contains(o.Name)))
        {
            Assert.True(op.GetProperty("security")[0].TryGetProperty("Bearer", out _), $"{name} does not declare the bearer scheme");
            Assert.True(op.GetProperty("responses").TryGetProperty("401", out _), $"{name} does not declare 401");
        }
        foreach (var (name, op) in operations)
        {
            var problems = op.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4') || r.Name.StartsWith('5'))
                .Where(r => r.Value.TryGetProperty("content", out var c) && c.TryGetProperty("application/problem+json", out _)).Select(r => r.Name).ToList();
            // Anything that takes input can be refused as malformed; a patient page's refusals are described as its pages.
            var takesInput = op.TryGetProperty("parameters", out _) || op.TryGetProperty("requestBody", out _);
            Assert.True(problems.Contains("500") && (problems.Contains("400") || !takesInput || Anonymous.Contains(name)),
                $"{name} declares problem answers {string.Join(",", problems)}");
        }
    }

    [Fact]
    public async Task Schema_names_are_unique_and_readable_and_types_are_plain()
    {
        using var doc = await Document();
        var schemas = doc.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        Assert.DoesNotContain(schemas, s => s is "Request" or "Response" || char.IsDigit(s[^1]));
        Assert.Contains("BookAppointmentRequest", schemas);
        Assert.Contains("ProblemDetails", schemas);

        var wrong = new List<string>();
        Walk(doc.RootElement, "#", wrong);
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Headers_are_declared_where_they_are_honoured()
    {
        using var doc = await Document();
        var book = doc.RootElement.GetProperty("paths").GetProperty("/appointments").GetProperty("post");
        Assert.Contains(book.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
        var tooMany = doc.RootElement.GetProperty("paths").GetProperty("/auth/token").GetProperty("post").GetProperty("responses").GetProperty("429");
        Assert.True(tooMany.GetProperty("headers").TryGetProperty("Retry-After", out _));
    }

    // A type is one type (never "integer | string"), an enum is a list of strings, a date-time says so.
    private static void Walk(JsonElement e, string path, List<string> wrong)
    {
        if (e.ValueKind == JsonValueKind.Object && path.EndsWith("/properties", StringComparison.Ordinal))
        {
            // a map of property names (one may be called "type"), not a schema
            foreach (var p in e.EnumerateObject())
            {
                Walk(p.Value, $"{path}/{p.Name}", wrong);
            }
        }
        else if (e.ValueKind == JsonValueKind.Object)
        {
            if (e.TryGetProperty("type", out var t) && t.ValueKind != JsonValueKind.String)
            {
                wrong.Add($"{path}: type {t}");
            }
            if (e.TryGetProperty("enum", out var values) && values.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Null)
                && (!e.TryGetProperty("type", out var et) || et.GetString() != "string"))
            {
                wrong.Add($"{path}: enum that is not of strings");
            }
            if (e.TryGetProperty("pattern", out _) && e.TryGetProperty("type", out var nt) && nt.GetString() is "integer" or "number")
            {
                wrong.Add($"{path}: number with a pattern (read as a string)");
            }
            if (path.EndsWith("Utc", StringComparison.Ordinal) && e.TryGetProperty("type", out var dt) && dt.GetString() == "string"
                && (!e.TryGetProperty("format", out var f) || f.GetString() != "date-time"))
            {
                wrong.Add($"{path}: a UTC time without format date-time");
            }
            foreach (var p in e.EnumerateObject())
            {
                Walk(p.Value, $"{path}/{p.Name}", wrong);
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in e.EnumerateArray())
            {
                Walk(item, $"{path}[{i++}]", wrong);
            }
        }
    }

    private async Task<JsonDocument> Document()
    {
        using var client = app.Anonymous();
        return JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
    }

    private static IEnumerable<(string Name, JsonElement Op)> Operations(JsonDocument doc) =>
        doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => ($"{o.Name.ToUpperInvariant()} {p.Name}", o.Value)));
}
