using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Jobs;

/// <summary>
/// Hangfire.Storage.SQLite would bring SQLitePCLRaw 2.1 and an older native SQLite, which would silently replace ours
/// for EF Core too (shared/stack-notes.md). With the host's ExcludeAssets, one SQLitePCLRaw (3.0.3) serves both.
/// </summary>
public sealed class SqliteLibraryTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task EF_Core_and_Hangfire_s_SQLite_storage_share_SQLitePCLRaw_3_and_its_native_SQLite()
    {
        _ = app.Services.GetRequiredService<JobStorage>(); // Hangfire's SQLite storage is loaded and open
        var raw = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name!.StartsWith("SQLitePCLRaw", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(raw);
        Assert.All(raw, a => Assert.Equal(new Version(3, 0, 3), new Version(a.GetName().Version!.Major, a.GetName().Version!.Minor, a.GetName().Version!.Build)));
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "SQLitePCLRaw.batteries_green");

        await using var connection = new SqliteConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        // SourceGear.sqlite3 3.53.4, the version sqlite-net-pcl (under Hangfire.Storage.SQLite) asks for at least.
        Assert.StartsWith("3.53.", (string)(await command.ExecuteScalarAsync())!, StringComparison.Ordinal);
    }
}
