using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Needling.Api.Tests.Support;

/// <summary>Staff accounts of a test's own (the fixture's shared ones must keep their tokens), and tokens made by hand.</summary>
public static class Accounts
{
    public const string DisplayName = "Temp Staff";

    /// <summary>Creates an account with a fresh username and <see cref="AppFixture.Password"/>; returns its id and username.</summary>
    public static async Task<(Guid Id, string Username)> CreateAsync(HttpClient admin, string role = "Receptionist")
    {
        var username = BookingSetup.Unique("staff");
        var created = await admin.PostOk("/staff", new { username, displayName = DisplayName, password = AppFixture.Password, roles = new[] { role }, practitionerId = (Guid?)null });
        return (created.Id(), username);
    }

    /// <summary>PUT /staff/{id} as an Admin would send it from the account's form.</summary>
    public static Task<HttpResponseMessage> UpdateAsync(HttpClient admin, Guid id, string[] roles, bool active = true, string? newPassword = null, string displayName = DisplayName) =>
        admin.PutMatchingAsync($"/staff/{id}", new { displayName, roles, active, newPassword });

    /// <summary>A client of <paramref name="instance"/> that sends <paramref name="token"/>.</summary>
    public static HttpClient WithToken(this WebApplicationFactory<Program> instance, string token)
    {
        var client = instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAttempt(this WebApplicationFactory<Program> instance, string username, string password)
    {
        using var client = instance.CreateClient();
        return await client.PostAsJsonAsync("/auth/token", new { username, password });
    }

    /// <summary>
    /// <paramref name="token"/>'s claims, changed by <paramref name="change"/>, signed again with the tests' signing key:
    /// what someone holding the key (or a bug in our issuing) could produce.
    /// </summary>
    public static string Reissue(string token, Action<Dictionary<string, JsonElement>> change)
    {
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(new JsonWebToken(token).EncodedPayload))!;
        change(payload);
        var key = new SymmetricSecurityKey("needling-tests-signing-key-32-bytes!!"u8.ToArray());
        return new JsonWebTokenHandler().CreateToken(JsonSerializer.Serialize(payload), new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
    }
}
