using Microsoft.Data.SqlClient;
using Npgsql;

namespace Needling.Api.Tests.Support;

public enum Provider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>
/// A fresh, empty database per test server: a SQLite file in a temp folder, a new database on the
/// real PostgreSQL server that tests/run.sh starts (NEEDLING_TEST_POSTGRES), or a new database on a SQL Server
/// when one is available (<see cref="SqlServerTestServer"/>). Never a mock.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public Provider Provider { get; }
    public string ConnectionString { get; }
    public string DataFolder { get; }
    private readonly string? _adminConnection;
    private readonly string? _name;

    private TestDatabase(Provider provider, string connectionString, string dataFolder, string? adminConnection, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataFolder = dataFolder;
        _adminConnection = adminConnection;
        _name = name;
    }

    public static async Task<TestDatabase> CreateAsync(Provider provider)
    {
        var folder = Directory.CreateTempSubdirectory("needling-test-").FullName;
        if (provider == Provider.Sqlite)
        {
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "needling.db")}", folder, null, null);
        }
        if (provider == Provider.SqlServer)
        {
            var server = await SqlServerTestServer.AdminConnectionStringAsync();
            var database = $"needling_test_{Guid.NewGuid():N}";
            await using (var conn = new SqlConnection(server))
            {
                await conn.OpenAsync();
#pragma warning disable DAP241 // a database's name cannot be a parameter; it is made here, from a GUID
                await using var cmd = new SqlCommand($"CREATE DATABASE [{database}]", conn);
#pragma warning restore DAP241
                await cmd.ExecuteNonQueryAsync();
            }
            var connection = new SqlConnectionStringBuilder(server) { InitialCatalog = database }.ConnectionString;
            return new TestDatabase(provider, connection, folder, server, database);
        }
        var admin = Environment.GetEnvironmentVariable("NEEDLING_TEST_POSTGRES")
            ?? throw new InvalidOperationException(
                "NEEDLING_TEST_POSTGRES is not set. Run the tests with `bash tests/run.sh`, which starts a throw-away PostgreSQL server.");
        var name = $"needling_test_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(provider, cs, folder, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == Provider.SqlServer && _adminConnection is not null && _name is not null)
        {
            SqlConnection.ClearAllPools();
            await using var conn = new SqlConnection(_adminConnection);
            await conn.OpenAsync();
#pragma warning disable DAP241 // as in CreateAsync
            await using var cmd = new SqlCommand($"ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}];", conn);
#pragma warning restore DAP241
            await cmd.ExecuteNonQueryAsync();
        }
        else if (_adminConnection is not null && _name is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_adminConnection);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still held open by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}
