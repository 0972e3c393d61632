using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests;

/// <summary>
/// A clinic that signs staff in through its own OpenID Connect provider. A real (small) issuer runs on
/// loopback and publishes its discovery document and keys; the service must trust its tokens and roles.
/// </summary>
public sealed class ExternalIssuerTests(ExternalIssuerApp app) : IClassFixture<ExternalIssuerApp>
{
    private HttpClient With(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_token_from_the_trusted_issuer_with_a_role_claim_is_accepted()
    {
        using var client = With(app.Issuer.Token(["Receptionist"]));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/practitioners")).StatusCode);
        await (await client.GetAsync("/staff")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_refused()
    {
        using var client = With(app.Issuer.Token(["Admin"], foreignKey: true));
        await (await client.GetAsync("/practitioners")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_from_the_trusted_issuer_without_an_expiry_is_refused()
    {
        using var client = With(app.Issuer.Token(["Receptionist"], withoutExpiry: true));
        await (await client.GetAsync("/practitioners")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Local_sign_in_is_switched_off()
    {
        using var client = app.Anonymous();
        var problem = await (await client.PostAsJsonAsync("/auth/token", new { username = "admin", password = "whatever-it-is" })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("auth.external-issuer", problem.GetProperty("ruleId").GetString());
    }
}

public sealed class ExternalIssuerApp() : AppFixture(Provider.Sqlite)
{
    public FakeIssuer Issuer { get; } = FakeIssuer.Start();

    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
        [("Auth:Authority", Issuer.Authority), ("Auth:RequireHttpsMetadata", "false"), ("Auth:RoleClaim", "roles")];

    public override async ValueTask DisposeAsync()
    {
        await Issuer.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>The smallest OpenID Connect issuer: discovery document and signing keys over HTTP on loopback.</summary>
public sealed class FakeIssuer : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly RsaSecurityKey _otherKey = new(RSA.Create(2048)) { KeyId = "test-key" };

    public string Authority { get; }

    private FakeIssuer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _web = builder.Build();
        _web.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority!,
            ["jwks_uri"] = $"{Authority}/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _web.MapGet("/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        _web.StartAsync().GetAwaiter().GetResult();
        Authority = _web.Urls.Single();
    }

    public static FakeIssuer Start() => new();

    public string Token(string[] roles, bool foreignKey = false, bool withoutExpiry = false)
    {
        var claims = new List<Claim> { new("sub", Guid.NewGuid().ToString()), new("name", "External Staff") };
        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        // The handler adds exp (and iat, nbf) itself unless told not to.
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = !withoutExpiry }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = "needling-api",
            Subject = new ClaimsIdentity(claims),
            Expires = withoutExpiry ? null : DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(foreignKey ? _otherKey : _key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync() => await _web.DisposeAsync();
}
