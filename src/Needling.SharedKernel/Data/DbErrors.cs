using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Needling.SharedKernel.Data;

/// <summary>Reads provider-specific constraint violations, so modules stay provider-neutral.</summary>
public static class DbErrors
{
    /// <summary>True when PostgreSQL refused the write by an exclusion constraint (SQLSTATE 23P01); gives its name.</summary>
    public static bool IsExclusionViolation(this DbUpdateException ex, out string constraint)
    {
        if (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation } pg)
        {
            constraint = pg.ConstraintName ?? "";
            return true;
        }
        constraint = "";
        return false;
    }

    /// <summary>True for a unique-key violation on any provider.</summary>
    public static bool IsUniqueViolation(this DbUpdateException ex) =>
        ex.InnerException switch
        {
            PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
            // 2627: a primary key or unique constraint; 2601: a unique index.
            Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2627 or 2601,
            Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
            _ => false,
        };
}
