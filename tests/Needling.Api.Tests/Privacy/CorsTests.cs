using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Privacy;

/// <summary>Cross-origin browsers get in only from the origins in Cors:AllowedOrigins; none are listed by default.</summary>
public sealed class CorsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Front = "https://front.clinic.example";
    private const string Elsewhere = "https://evil.example";

    private static HttpRequestMessage Preflight(string origin, string path = "/patients/search")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    private static HttpRequestMessage Get(string origin, string path = "/clinic")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static string? AllowedOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? string.Join(",", values) : null;

    [Fact]
    public async Task With_no_origins_configured_no_answer_carries_any_cors_header()
    {
        using var desk = await app.As("Receptionist");
        foreach (var origin in new[] { Front, Elsewhere })
        {
            var preflight = await desk.SendAsync(Preflight(origin));
            Assert.Null(AllowedOrigin(preflight));
            Assert.DoesNotContain(preflight.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
            var get = await desk.SendAsync(Get(origin));
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.DoesNotContain(get.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_configured_origin_gets_its_preflight_answered_and_another_origin_does_not()
    {
        await using var configured = app.WithWebHostBuilder(b => b.UseSetting("Cors:AllowedOrigins:0", Front + "/"));
        using var desk = await app.As("Receptionist", configured);

        var allowed = await desk.SendAsync(Preflight(Front));
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(Front, AllowedOrigin(allowed));
        Assert.Contains("POST", string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.Contains("authorization", string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(allowed.Headers.Contains("Access-Control-Allow-Credentials"));

        var refused = await desk.SendAsync(Preflight(Elsewhere));
        Assert.Null(AllowedOrigin(refused));
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Methods"));

        var read = await desk.SendAsync(Get(Front));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(Front, AllowedOrigin(read));
        var readElsewhere = await desk.SendAsync(Get(Elsewhere));
        Assert.Null(AllowedOrigin(readElsewhere));
    }
}
