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
    /// Npgsql settings the service needs for throughput, unless the operator's connection string says
    /// otherwise. Auto-prepare: the same few dozen queries run all day, and PostgreSQL otherwise parses and
    /// plans each one every time (measured: a third of PostgreSQL's CPU per booking). No reset on close:
    /// the service keeps no session state on its connections (no temp tables, SET, LISTEN or advisory
    /// locks on pooled connections), so the DISCARD ALL that Npgsql sends on each reuse only costs time
    /// and throws the prepared statements away.
    /// </summary>
    public static string WithServerDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        if (!Mentions(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    private static bool Mentions(string connectionString, params string[] keys) =>
        keys.Any(k => connectionString.Contains(k, StringComparison.OrdinalIgnoreCase));
}
