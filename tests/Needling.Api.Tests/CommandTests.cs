using System.Net;
using Needling.Api.Commands;
using Needling.Api.Hosting;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests;

/// <summary>Deployments that migrate separately: `migrate` and `create-admin` against the service's database.</summary>
public abstract class CommandTests(AppFixture app)
{
    private string[] DatabaseArgs =>
    [
        $"--Database:Provider={app.Provider}", $"--Database:ConnectionString={app.Database.ConnectionString}",
        $"--Database:DataFolder={app.Database.DataFolder}", "--Auth:SigningKey=" + Convert.ToBase64String("needling-tests-signing-key-32-bytes!!"u8.ToArray()),
    ];

    private async Task<int> Run(params string[] args)
    {
        var command = CommandLine.Parse([.. args, .. DatabaseArgs]);
        await using var host = NeedlingApp.Build(command.HostArgs, command);
        return await command.RunAsync(host);
    }

    [Fact]
    public async Task The_service_is_live_but_not_ready_until_migrate_has_run_and_then_an_admin_can_be_created()
    {
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

        Assert.Equal(0, await app.Database.ScalarAsync("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'hangfire'"));
        Assert.Equal(0, await Run("migrate"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        // Hangfire's schema and its recurring jobs come with the migration, not with the first server to start.
        Assert.Equal(1, await app.Database.ScalarAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire' AND lower(table_name) = 'job'"));
        Assert.Equal(2, await app.Database.ScalarAsync(app.Provider == Provider.SqlServer
            ? "SELECT count(*) FROM [hangfire].[Set] WHERE [Key] = 'recurring-jobs' AND [Value] IN ('outbox-sweep', 'purge')"
            : "SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND value IN ('outbox-sweep', 'purge')"));

        Assert.Equal(2, await Run("create-admin")); // no --username: usage, not a crash
        Environment.SetEnvironmentVariable("NEEDLING_ADMIN_PASSWORD", "a-long-admin-passphrase");
        try
        {
            Assert.Equal(0, await Run("create-admin", "--username", "first-admin"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("NEEDLING_ADMIN_PASSWORD", null);
        }
        Assert.NotEmpty(await app.SignIn("first-admin", "a-long-admin-passphrase"));
    }
}

public sealed class CommandTestsOnPostgres(UnmigratedApp app) : CommandTests(app), IClassFixture<UnmigratedApp>;

public sealed class CommandTestsOnSqlServer(UnmigratedSqlServerApp app) : CommandTests(app), IClassFixture<UnmigratedSqlServerApp>;
