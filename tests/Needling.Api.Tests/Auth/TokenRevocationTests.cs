using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Needling.Api.Tests.Support;
using Needling.SharedKernel.Caching;

namespace Needling.Api.Tests.Auth;

/// <summary>
/// A staff token ends the moment its account is disabled, given other roles or a new password: the very next
/// request with it is refused. The check costs no query per request once the account's stamp is in memory.
/// </summary>
public abstract class TokenRevocationTests(AccountSecurityApp app)
{
    protected AccountSecurityApp App => app;

    /// <summary>A new account of <paramref name="role"/>, and a client of <paramref name="instance"/> holding its token, already used once.</summary>
    protected async Task<(Guid Id, string Username, HttpClient Client)> SignedInStaff(WebApplicationFactory<Program>? instance = null, string role = "Receptionist")
    {
        using var admin = await app.As("Admin");
        var (id, username) = await Accounts.CreateAsync(admin, role);
        var client = (instance ?? app).WithToken(await app.SignIn(username, AppFixture.Password));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/practitioners")).StatusCode);
        return (id, username, client);
    }

    [Fact]
    public async Task A_token_is_refused_on_the_next_request_after_its_account_is_disabled()
    {
        var (id, _, client) = await SignedInStaff();
        using var admin = await app.As("Admin");
        (await Accounts.UpdateAsync(admin, id, ["Receptionist"], active: false)).EnsureSuccessStatusCode();
        await (await client.GetAsync("/practitioners")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_is_refused_on_the_next_request_after_its_roles_change_and_a_new_one_has_the_new_role()
    {
        var (id, username, client) = await SignedInStaff(role: "Admin");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode);
        using var admin = await app.As("Admin");
        (await Accounts.UpdateAsync(admin, id, ["Receptionist"])).EnsureSuccessStatusCode();
        await (await client.GetAsync("/staff")).AssertProblem(HttpStatusCode.Unauthorized);
        using var again = app.WithToken(await app.SignIn(username, AppFixture.Password));
        await (await again.GetAsync("/staff")).AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/practitioners")).StatusCode);
    }

    [Fact]
    public async Task A_token_is_refused_on_the_next_request_after_a_password_reset()
    {
        var (id, username, client) = await SignedInStaff();
        using var admin = await app.As("Admin");
        (await Accounts.UpdateAsync(admin, id, ["Receptionist"], newPassword: "a-brand-new-password")).EnsureSuccessStatusCode();
        await (await client.GetAsync("/practitioners")).AssertProblem(HttpStatusCode.Unauthorized);
        await (await app.SignInAttempt(username, AppFixture.Password)).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.NotEmpty(await app.SignIn(username, "a-brand-new-password"));
    }

    [Fact]
    public async Task A_new_display_name_alone_leaves_the_accounts_tokens_working()
    {
        var (id, _, client) = await SignedInStaff();
        using var admin = await app.As("Admin");
        (await Accounts.UpdateAsync(admin, id, ["Receptionist"], displayName: "Renamed Staff")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/practitioners")).StatusCode);
    }

    [Fact]
    public async Task A_token_without_an_expiry_is_refused()
    {
        var (_, username, _) = await SignedInStaff();
        var token = await app.SignIn(username, AppFixture.Password);
        using var sameClaims = app.WithToken(Accounts.Reissue(token, _ => { }));
        Assert.Equal(HttpStatusCode.OK, (await sameClaims.GetAsync("/practitioners")).StatusCode); // the re-signed token itself is good
        using var noExpiry = app.WithToken(Accounts.Reissue(token, claims => claims.Remove("exp")));
        await (await noExpiry.GetAsync("/practitioners")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_without_a_security_stamp_or_with_another_one_is_refused()
    {
        var (_, username, _) = await SignedInStaff();
        var token = await app.SignIn(username, AppFixture.Password);
        using var noStamp = app.WithToken(Accounts.Reissue(token, claims => claims.Remove("stamp")));
        await (await noStamp.GetAsync("/practitioners")).AssertProblem(HttpStatusCode.Unauthorized);
        using var otherStamp = app.WithToken(Accounts.Reissue(token, claims => claims["stamp"] = JsonSerializer.SerializeToElement(Guid.NewGuid().ToString())));
        await (await otherStamp.GetAsync("/practitioners")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Checking_a_token_reads_its_account_once_not_on_every_request()
    {
        var cache = app.Services.GetRequiredService<ReferenceCache>();
        Assert.True(await Sql.Eventually(() => Task.FromResult(cache.Reliable), seconds: 10), "the cache never became reliable");
        var (id, _, client) = await SignedInStaff();
        var before = app.StaffAccountQueries();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/practitioners")).StatusCode);
        }
        Assert.Equal(before, app.StaffAccountQueries());

        // After a change to the account the next request reads it once more (so the count above could have moved).
        using var admin = await app.As("Admin");
        (await Accounts.UpdateAsync(admin, id, ["Receptionist"], displayName: "Renamed Again")).EnsureSuccessStatusCode();
        var afterChange = app.StaffAccountQueries();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/practitioners")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/practitioners")).StatusCode);
        Assert.Equal(afterChange + 1, app.StaffAccountQueries());
    }
}

public sealed class TokenRevocationTestsOnSqlite(AccountSecurityAppOnSqlite app) : TokenRevocationTests(app), IClassFixture<AccountSecurityAppOnSqlite>;

/// <summary>
/// On PostgreSQL several instances share the database and each keeps its own stamps in memory: a change made through
/// one instance ends the token on the others too, through the cache's notification channel (LISTEN/NOTIFY).
/// </summary>
public sealed class TokenRevocationTestsOnPostgres(AccountSecurityAppOnPostgres app) : TokenRevocationTests(app), IClassFixture<AccountSecurityAppOnPostgres>
{
    /// <summary>A second instance whose stamp cache is working, so that it would keep an old stamp were it not told.</summary>
    private async Task<WebApplicationFactory<Program>> SecondInstance()
    {
        var second = App.AnotherInstance();
        var cache = second.Services.GetRequiredService<ReferenceCache>();
        Assert.True(await Sql.Eventually(() => Task.FromResult(cache.Reliable), seconds: 10), "the second instance's cache never became reliable");
        return second;
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("role changed")]
    [InlineData("password reset")]
    public async Task A_token_used_on_one_instance_is_refused_there_on_the_next_request_after_its_account_changed_through_another(string change)
    {
        await using var second = await SecondInstance();
        var (id, _, onSecond) = await SignedInStaff(second);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/practitioners")).StatusCode); // its stamp is in the second instance's memory

        using var admin = await App.As("Admin"); // on the first instance
        var update = change switch
        {
            "disabled" => Accounts.UpdateAsync(admin, id, ["Receptionist"], active: false),
            "role changed" => Accounts.UpdateAsync(admin, id, ["Practitioner"]),
            _ => Accounts.UpdateAsync(admin, id, ["Receptionist"], newPassword: "a-brand-new-password"),
        };
        (await update).EnsureSuccessStatusCode();
        await (await onSecond.GetAsync("/practitioners")).AssertProblem(HttpStatusCode.Unauthorized);
        // The change was answered once both instances had confirmed dropping the stamp, not after giving up waiting.
        Assert.DoesNotContain(App.Logs.Lines, l => l.Contains("instances confirmed dropping", StringComparison.Ordinal));
    }
}
