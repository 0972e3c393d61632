using Needling.Api.Jobs;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Jobs;

/// <summary>Instances that start together on a new PostgreSQL database install Hangfire's schema one after the other.</summary>
public sealed class HangfireSchemaTests
{
    [Fact]
    public async Task Four_instances_installing_Hangfire_s_schema_at_the_same_moment_all_succeed_and_leave_one_schema()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.PostgreSql);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => JobStorageFactory.InstallPostgresSchemaAsync(db.ConnectionString, CancellationToken.None))));
        Assert.False(await JobStorageFactory.PostgresSchemaMissingAsync(db.ConnectionString, CancellationToken.None));
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'hangfire'"));
    }
}

/// <summary>The same on SQL Server, where Hangfire's install script takes an application lock of its own.</summary>
public sealed class HangfireSchemaTestsOnSqlServer : IRequiresSqlServer
{
    [Fact]
    public async Task Four_instances_installing_Hangfire_s_schema_at_the_same_moment_all_succeed_and_leave_one_schema()
    {
        await using var db = await TestDatabase.CreateAsync(Provider.SqlServer);
        Assert.True(await JobStorageFactory.SqlServerSchemaMissingAsync(db.ConnectionString, CancellationToken.None));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => JobStorageFactory.InstallSqlServerSchemaAsync(db.ConnectionString, CancellationToken.None))));
        Assert.False(await JobStorageFactory.SqlServerSchemaMissingAsync(db.ConnectionString, CancellationToken.None));
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'hangfire'"));
    }
}
