using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Privacy;

/// <summary>
/// What a browser, a proxy and a cache are told about every answer: keep nothing (patient data), sniff nothing, frame
/// nothing, send no referrer (patients' links carry tokens), and on the patient pages run only the page's own code.
/// </summary>
public sealed partial class SecurityHeaderTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : "";

    private static void AssertCommonHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(Header(response, "Cache-Control").Contains("no-store", StringComparison.Ordinal), $"{what}: Cache-Control is '{Header(response, "Cache-Control")}'");
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", Header(response, "Content-Security-Policy"));
        Assert.Empty(Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Every_kind_of_answer_is_never_stored_never_framed_and_never_sniffed()
    {
        using var anonymous = app.Anonymous();
        using var desk = await app.As("Receptionist");
        var patient = await desk.RegisterPatient("Iolanthe", BookingSetup.Unique("Vantreight"));
        var answers = new (string What, HttpResponseMessage Response)[]
        {
            ("a patient's record", await desk.GetAsync($"/patients/{patient}")),
            ("a patient not found", await desk.GetAsync($"/patients/{Guid.NewGuid()}")),
            ("a refused sign-in", await anonymous.GetAsync("/clinic")),
            ("a health probe", await anonymous.GetAsync("/health/live")),
            ("the API description", await anonymous.GetAsync("/openapi/v1.json")),
            ("bad input", await desk.PostAsync("/patients", new StringContent("{", Encoding.UTF8, "application/json"))),
            ("a route that does not exist", await desk.GetAsync("/no-such-thing")),
        };
        Assert.Equal(HttpStatusCode.OK, answers[0].Response.StatusCode);
        foreach (var (what, response) in answers)
        {
            AssertCommonHeaders(response, what);
            if (response.Content.Headers.ContentType?.MediaType is "application/json" or "application/problem+json")
            {
                // A JSON answer opened in a browser tab runs and loads nothing.
                Assert.Contains("default-src 'none'", Header(response, "Content-Security-Policy"));
            }
        }
    }

    [Fact]
    public async Task The_aftercare_and_follow_up_pages_allow_only_their_own_style_sheet_by_its_hash()
    {
        using var anonymous = app.Anonymous();
        anonymous.DefaultRequestHeaders.Accept.ParseAdd("text/html"); // a patient's browser: the page, not problem+json
        foreach (var path in new[] { "/aftercare/not-a-token", "/aftercare/follow-up/not-a-token" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            AssertCommonHeaders(response, path);
            var csp = Header(response, "Content-Security-Policy");
            var html = await response.Content.ReadAsStringAsync();
            var style = StyleElement().Match(html);
            Assert.True(style.Success, "the page has its style sheet");
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style.Groups[1].Value)));
            Assert.Contains($"style-src 'sha256-{hash}'", csp);
            Assert.Contains("default-src 'none'", csp);
            Assert.DoesNotContain("script-src", csp);
            Assert.DoesNotContain("<script", html);
        }
    }

    [Fact]
    public async Task The_signing_page_runs_only_the_script_and_style_that_carry_this_answers_nonce()
    {
        using var anonymous = app.Anonymous();
        anonymous.DefaultRequestHeaders.Accept.ParseAdd("text/html"); // a patient's browser: the page, not problem+json
        var first = await anonymous.GetAsync("/consent/sign/not-a-token");
        var second = await anonymous.GetAsync("/consent/sign/not-a-token");
        AssertCommonHeaders(first, "signing page");
        var csp = Header(first, "Content-Security-Policy");
        Assert.Contains("default-src 'none'", csp);
        var nonce = Regex.Match(csp, "style-src 'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", await first.Content.ReadAsStringAsync());
        Assert.NotEqual(csp, Header(second, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Strict_transport_security_only_on_a_request_that_came_over_tls()
    {
        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        Assert.Equal("max-age=31536000", Header(await https.GetAsync("/health/live"), "Strict-Transport-Security"));

        // Over plain HTTP a client's own X-Forwarded-Proto is not believed: forwarded headers are off unless configured.
        using var plain = app.Anonymous();
        var forged = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        forged.Headers.Add("X-Forwarded-Proto", "https");
        Assert.Empty(Header(await plain.SendAsync(forged), "Strict-Transport-Security"));
        Assert.Empty(Header(await plain.GetAsync("/health/live"), "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Behind_a_proxy_with_forwarded_headers_enabled_the_proxys_tls_counts()
    {
        await using var proxied = app.WithWebHostBuilder(b => b.UseSetting("FORWARDEDHEADERS_ENABLED", "true"));
        using var client = proxied.CreateClient();
        var viaTls = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        viaTls.Headers.Add("X-Forwarded-Proto", "https");
        Assert.Equal("max-age=31536000", Header(await client.SendAsync(viaTls), "Strict-Transport-Security"));
        Assert.Empty(Header(await client.GetAsync("/health/live"), "Strict-Transport-Security"));
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
