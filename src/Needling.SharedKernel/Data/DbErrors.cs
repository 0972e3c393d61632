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

    /// <summary>True for a unique-key violation on either provider.</summary>
    public static bool IsUniqueViolation(this DbUpdateException ex) =>
        ex.InnerException switch
        {
            PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
            Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
            _ => false,
        };
}
