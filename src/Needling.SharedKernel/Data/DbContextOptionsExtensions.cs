using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Needling.SharedKernel.Data;

public static class DbContextOptionsExtensions
{
    public const string SqliteMigrationsAssembly = "Needling.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "Needling.Migrations.PostgreSql";

    /// <summary>
    /// Points a module's DbContext at the configured database. Each module keeps its own schema
    /// (a table prefix on SQLite, which has no schemas) and its own migrations history.
    /// </summary>
    public static DbContextOptionsBuilder UseNeedlingDatabase(
        this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString, string schema)
    {
        switch (provider)
        {
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(connectionString, o => o
                    .MigrationsAssembly(PostgreSqlMigrationsAssembly)
                    .MigrationsHistoryTable("__ef_migrations", schema));
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
}
