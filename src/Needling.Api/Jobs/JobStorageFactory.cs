using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Data.SqlClient;
using Needling.SharedKernel.Data;
using Npgsql;

namespace Needling.Api.Jobs;

/// <summary>Where Hangfire keeps its jobs: the "hangfire" schema on PostgreSQL or SQL Server, or a SQLite file next to the service's own.</summary>
internal static class JobStorageFactory
{
    public const string PostgresSchema = "hangfire";
    public const string SqlServerSchema = "hangfire";
    public const string SqliteFile = "hangfire.db";

    // Any fixed number: the same on every instance, so that two of them starting together install the schema one after the other.
    private const long SchemaLockKey = 0x4e65_6564_4a6f_6273;

    public static JobStorage Create(DatabaseOptions database, JobsOptions jobs)
    {
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            // The defaults (a job orphaned by a crash invisible for 30 minutes, the queue polled every 15 s) are far
            // too slow for us; long polling (LISTEN/NOTIFY) starts a job within milliseconds of its enqueue, and the
            // sliding invisibility timeout keeps a long job from running twice (shared/stack-notes.md). The schema is
            // created by `migrate` and on start (JobsInitializer), never here: two instances would race on it.
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = PostgresSchema,
                PrepareSchemaIfNecessary = false,
                EnableLongPolling = true,
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromMinutes(2),
                QueuePollInterval = TimeSpan.FromSeconds(jobs.PollingSeconds),
            };
            // The operator's connection string as given: not the EF Core one with No Reset On Close, because Hangfire
            // keeps session state (LISTEN) on its connections.
            return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(database.ResolveConnectionString(), options, null), options);
        }
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            // Hangfire.SqlServer finds a SQL client by itself; it is given Microsoft.Data.SqlClient (the one EF Core's
            // provider brings) explicitly, so that the deprecated System.Data.SqlClient is never picked up. Hangfire
            // 1.8's recommended settings, written out: a sliding invisibility timeout (a job orphaned by a crash runs
            // again after 2 minutes, a long job never twice), sub-second queue polling (TimeSpan.Zero), no global
            // locks. Its schema is created by `migrate` and on start (JobsInitializer), never here.
            var connectionString = database.ResolveConnectionString();
            return new SqlServerStorage(() => new SqlConnection(connectionString), new SqlServerStorageOptions
            {
                SchemaName = SqlServerSchema,
                PrepareSchemaIfNecessary = false,
                SqlClientFactory = SqlClientFactory.Instance,
                CommandBatchMaxTimeout = TimeSpan.FromMinutes(5),
                SlidingInvisibilityTimeout = TimeSpan.FromMinutes(2),
                QueuePollInterval = TimeSpan.Zero,
                UseRecommendedIsolationLevel = true,
                DisableGlobalLocks = true,
            });
        }
        Directory.CreateDirectory(database.DataFolder);
        // Its own file: Hangfire.Storage.SQLite talks to SQLite through sqlite-net, not EF Core. No sliding
        // invisibility here, so the timeout must exceed the longest job (ours take seconds); a job orphaned by a
        // crash runs again after it. The tables are created when the storage is built.
        return new SQLiteStorage(Path.GetFullPath(Path.Combine(database.DataFolder, SqliteFile)), new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromSeconds(1),
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
        });
    }

    /// <summary>Creates or upgrades Hangfire's PostgreSQL schema, holding an advisory lock so that instances take turns.</summary>
    public static async Task InstallPostgresSchemaAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({SchemaLockKey})", connection))
        {
            await lockCommand.ExecuteNonQueryAsync(ct);
        }
        try
        {
            PostgreSqlObjectsInstaller.Install(connection, PostgresSchema);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({SchemaLockKey})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public static async Task<bool> PostgresSchemaMissingAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"SELECT to_regclass('{PostgresSchema}.job') IS NULL", connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Creates or upgrades Hangfire's SQL Server schema. Hangfire's install script takes an application lock of its own
    /// (sp_getapplock), so instances that start together take turns.
    /// </summary>
    public static async Task InstallSqlServerSchemaAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(ct);
        SqlServerObjectsInstaller.Install(connection, SqlServerSchema, enableHeavyMigrations: true);
    }

    public static async Task<bool> SqlServerSchemaMissingAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new SqlCommand($"SELECT CASE WHEN OBJECT_ID(N'[{SqlServerSchema}].[Job]') IS NULL THEN 1 ELSE 0 END", connection);
        return (int)(await command.ExecuteScalarAsync(ct))! == 1;
    }
}
