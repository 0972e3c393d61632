using System.Net;
using System.Text.Json;

namespace Needling.Api.Tests.Support;

public static class Problems
{
    /// <summary>Asserts an RFC 9457 answer with the given status and returns its JSON.</summary>
    public static async Task<JsonElement> AssertProblem(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        return json;
    }

    public static string Detail(this JsonElement problem) =>
        problem.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
}
