using System.Net;
using System.Net.Http.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Auth;

/// <summary>The per-address limit on sign-in attempts answers 429 as problem+json and says when to come back.</summary>
public sealed class RateLimitTests(StrictSignInApp app) : IClassFixture<StrictSignInApp>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_get_a_429_problem_with_Retry_After()
    {
        using var client = app.Anonymous();
        HttpResponseMessage? response = null;
        for (var i = 0; i <= StrictSignInApp.PerMinute; i++)
        {
            response = await client.PostAsJsonAsync("/auth/token", new { username = "nobody", password = "whatever-password" });
        }
        Assert.NotNull(response);
        var problem = await response.AssertProblem(HttpStatusCode.TooManyRequests);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal((int)retryAfter.Value.TotalSeconds, problem.GetProperty("retryAfterSeconds").GetInt32());
    }
}

public sealed class StrictSignInApp() : AppFixture(Provider.Sqlite)
{
    public const int PerMinute = 3;

    protected override IEnumerable<(string Key, string Value)> ExtraSettings => [("Auth:SignInAttemptsPerMinute", PerMinute.ToString())];
}
