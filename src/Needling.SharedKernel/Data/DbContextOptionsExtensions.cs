using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Needling.SharedKernel.Data;

public static class DbContextOptionsExtensions
{
    public const string SqliteMigrationsAssembly = "Needling.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "Needling.Migrations.PostgreSql";
    public const string SqlServerMigrationsAssembly = "Needling.Migrations.SqlServer";

    /// <summary>
    /// Points a module's DbContext at the configured database. Each module keeps its own schema
    /// (a table prefix on SQLite, which has no schemas) and its own migrations history (on the servers, a
    /// "__ef_migrations" table in the module's schema).
    /// </summary>
    public static DbContextOptionsBuilder UseNeedlingDatabase(
        this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString, string schema)
    {
        switch (provider)
        {
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(WithServerDefaults(connectionString), o => o
                    .MigrationsAssembly(PostgreSqlMigrationsAssembly)
                    .MigrationsHistoryTable("__ef_migrations", schema)
                    .ExecutionStrategy(d => new DeadlockRetryStrategy(d)));
                break;
            case DatabaseProvider.SqlServer:
                // The operator's connection string as given (Encrypt, TrustServerCertificate and pooling are theirs to
                // set). Only deadlock victims are run again, as on PostgreSQL: SQL Server's own retrying strategy also
                // retries on lost connections, where a commit may have happened and a second run would book twice.
                builder.UseSqlServer(connectionString, o => o
                    .MigrationsAssembly(SqlServerMigrationsAssembly)
                    .MigrationsHistoryTable("__ef_migrations", schema)
                    .ExecutionStrategy(d => new DeadlockRetryStrategy(d)));
                break;
            default:
                builder.UseSqlite(connectionString, o => o
                    .MigrationsAssembly(SqliteMigrationsAssembly)
                    .MigrationsHistoryTable($"__ef_migrations_{schema}"));
                break;
        }
        // Patient data must never reach a log: parameter values stay hidden (EF's default, made explicit).
        builder.EnableSensitiveDataLogging(false);
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return builder;
    }

    /// <summary>
    /// Npgsql settings the service wants unless the operator's connection string says otherwise. No reset on close:
    /// the service keeps no session state on its pooled connections (no temp tables, SET, LISTEN or session advisory
    /// locks), so the DISCARD ALL that Npgsql sends on each reuse only costs a round of work on the server.
    /// Auto-prepare stays off (Npgsql's default), although it saves PostgreSQL a parse and plan per query: in Npgsql
    /// 10.0.3 a statement that fails inside a transaction on the very execution that prepares it (a 409 from an
    /// exclusion constraint, a value too long) leaves the connection's bookkeeping wrong, and the next use of that
    /// statement on that pooled connection reads a result of the wrong shape, or the protocol goes out of step
    /// (npgsql/npgsql#6391, open; reproduced here, ServerConnectionSettingsTests). Seen in CI as a 500 on sign-in.
    /// Refused writes are everyday work here, and a reader that can take one query's rows for another's has no place
    /// near patient records. <see cref="AutoPrepareWarning"/> tells an operator who turns it back on.
    /// </summary>
    public static string WithServerDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>A warning for the start-up log when the operator's PostgreSQL connection string turns auto-prepare on; otherwise null.</summary>
    public static string? AutoPrepareWarning(string postgresConnectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(postgresConnectionString).MaxAutoPrepare > 0
            ? "Database:ConnectionString sets Max Auto Prepare. Npgsql 10.0.3 can mix up prepared statements after a write fails inside a transaction " +
              "(npgsql/npgsql#6391), which this service does routinely (a refused booking). Remove the option unless your Npgsql has the fix."
            : null;

    private static bool Mentions(string connectionString, params string[] keys) =>
        keys.Any(k => connectionString.Contains(k, StringComparison.OrdinalIgnoreCase));
}
