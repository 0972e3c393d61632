using System.Net;
using System.Text.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Auth;

/// <summary>
/// Repeated failed sign-ins lock the account for a while (here 3 failures, 10 minutes: both configurable). A locked
/// account answers exactly as a wrong password does, even to the right password, so a guesser cannot tell.
/// </summary>
public abstract class SignInLockoutTests(AccountSecurityApp app)
{
    private const string WrongPassword = "not-the-password-at-all";

    protected AccountSecurityApp App => app;

    protected static async Task<JsonElement> Refused(HttpResponseMessage response) => await response.AssertProblem(HttpStatusCode.Unauthorized);

    protected async Task<(Guid Id, string Username)> NewAccount()
    {
        using var admin = await app.As("Admin");
        return await Accounts.CreateAsync(admin);
    }

    [Fact]
    public async Task After_the_configured_number_of_failed_sign_ins_even_the_right_password_is_refused_as_a_wrong_one_is()
    {
        var (_, username) = await NewAccount();
        JsonElement wrong = default;
        for (var i = 0; i < AccountSecurityApp.LockoutFailures; i++)
        {
            wrong = await Refused(await app.SignInAttempt(username, WrongPassword));
        }
        var locked = await Refused(await app.SignInAttempt(username, AppFixture.Password));
        Assert.Equal(wrong.GetProperty("title").GetString(), locked.GetProperty("title").GetString());
        Assert.Equal(wrong.Detail(), locked.Detail());
    }

    [Fact]
    public async Task One_failure_fewer_than_the_limit_locks_nothing_and_a_success_starts_the_count_again()
    {
        var (_, username) = await NewAccount();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < AccountSecurityApp.LockoutFailures - 1; i++)
            {
                await Refused(await app.SignInAttempt(username, WrongPassword));
            }
            Assert.NotEmpty(await app.SignIn(username, AppFixture.Password));
        }
    }

    [Fact]
    public async Task A_lockout_ends_after_the_configured_time()
    {
        var (_, username) = await NewAccount();
        for (var i = 0; i < AccountSecurityApp.LockoutFailures; i++)
        {
            await Refused(await app.SignInAttempt(username, WrongPassword));
        }
        app.Clock.Advance(AccountSecurityApp.LockoutTime - TimeSpan.FromSeconds(5));
        await Refused(await app.SignInAttempt(username, AppFixture.Password));
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.NotEmpty(await app.SignIn(username, AppFixture.Password));
    }

    [Fact]
    public async Task An_Admin_sees_until_when_an_account_is_locked_and_releases_it_by_saving_the_account()
    {
        var (id, username) = await NewAccount();
        var start = app.Clock.GetUtcNow();
        for (var i = 0; i < AccountSecurityApp.LockoutFailures; i++)
        {
            await Refused(await app.SignInAttempt(username, WrongPassword));
        }
        using var admin = await app.As("Admin");
        var listed = (await admin.GetOk("/staff")).EnumerateArray().Single(a => a.Id() == id);
        var until = listed.GetProperty("lockedUntilUtc").GetDateTimeOffset();
        // PostgreSQL keeps microseconds: allow for the ticks it drops.
        Assert.InRange(until, start + AccountSecurityApp.LockoutTime - TimeSpan.FromMilliseconds(1), app.Clock.GetUtcNow() + AccountSecurityApp.LockoutTime);

        var saved = await (await Accounts.UpdateAsync(admin, id, ["Receptionist"])).Json(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("lockedUntilUtc").ValueKind);
        Assert.NotEmpty(await app.SignIn(username, AppFixture.Password));
    }
}

public sealed class SignInLockoutTestsOnSqlite(AccountSecurityAppOnSqlite app) : SignInLockoutTests(app), IClassFixture<AccountSecurityAppOnSqlite>;

/// <summary>The count and the lockout live in the account's row: failures on two instances add up, and both refuse.</summary>
public sealed class SignInLockoutTestsOnPostgres(AccountSecurityAppOnPostgres app) : SignInLockoutTests(app), IClassFixture<AccountSecurityAppOnPostgres>
{
    [Fact]
    public async Task Failed_sign_ins_on_two_instances_add_up_to_one_lockout_that_both_keep()
    {
        await using var second = App.AnotherInstance();
        var (_, username) = await NewAccount();
        for (var i = 0; i < AccountSecurityApp.LockoutFailures; i++)
        {
            await Refused(await (i % 2 == 0 ? App : second).SignInAttempt(username, "not-the-password-at-all"));
        }
        await Refused(await App.SignInAttempt(username, AppFixture.Password));
        await Refused(await second.SignInAttempt(username, AppFixture.Password));
    }

    [Fact]
    public async Task Failures_arriving_at_the_same_moment_are_all_counted()
    {
        var (_, username) = await NewAccount();
        await using var second = App.AnotherInstance();
        // One fewer than the limit, all at once on two instances: had any been lost, one more would not lock.
        var attempts = Enumerable.Range(0, AccountSecurityApp.LockoutFailures - 1)
            .Select(i => (i % 2 == 0 ? App : second).SignInAttempt(username, "not-the-password-at-all"));
        foreach (var response in await Task.WhenAll(attempts))
        {
            await Refused(response);
        }
        await Refused(await second.SignInAttempt(username, "not-the-password-at-all"));
        await Refused(await App.SignInAttempt(username, AppFixture.Password));
    }
}
