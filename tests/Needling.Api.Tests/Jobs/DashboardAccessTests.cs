using System.Net;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Jobs;

/// <summary>The Hangfire dashboard shows jobs, their arguments and their exceptions: Admins only, on the same sign-in.</summary>
public abstract class DashboardAccessTests(AppFixture app)
{
    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/jobs/failed")]
    [InlineData("/hangfire/recurring")]
    public async Task The_dashboard_refuses_a_request_without_a_token(string path)
    {
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("Receptionist")]
    [InlineData("Practitioner")]
    public async Task The_dashboard_refuses_staff_who_are_not_Admins(string role)
    {
        using var client = await app.As(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hangfire/jobs/failed")).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_admits_an_Admin_and_refuses_commands_other_than_retrying_a_failed_job()
    {
        using var admin = await app.As("Admin");
        var page = await admin.GetAsync("/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("outbox-sweep", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var command in new[] { "/hangfire/recurring/trigger", "/hangfire/recurring/remove", "/hangfire/jobs/enqueued/delete", "/hangfire/jobs/succeeded/requeue" })
        {
            var response = await admin.PostAsync(command, new FormUrlEncodedContent([new("jobs[]", "outbox-sweep")]));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }
}

public sealed class DashboardAccessTestsOnSqlite(SqliteApp app) : DashboardAccessTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardAccessTestsOnPostgres(PostgresApp app) : DashboardAccessTests(app), IClassFixture<PostgresApp>;

public sealed class DashboardAccessTestsOnSqlServer(SqlServerApp app) : DashboardAccessTests(app), IClassFixture<SqlServerApp>;
