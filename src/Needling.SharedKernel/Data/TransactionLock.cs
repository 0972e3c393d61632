using Microsoft.EntityFrameworkCore;

namespace Needling.SharedKernel.Data;

/// <summary>
/// A lock on one thing (a patient, in one module's sense) held by the current transaction and released by its commit or
/// rollback, so that two transactions deciding about the same thing take turns, on every instance. PostgreSQL: a
/// transaction-scoped advisory lock in the caller's key space; SQL Server: an application lock owned by the transaction;
/// SQLite: nothing to do, as its transactions begin IMMEDIATE (Microsoft.Data.Sqlite's default) and so already take turns.
/// Call it inside a transaction, before reading what the decision depends on.
/// </summary>
public static class TransactionLock
{
    /// <summary>
    /// The SQL Server batch; EF sends {0}, the lock's name, as the parameter @p0. The wait is below SqlClient's default
    /// command timeout (30 s), so that a lock not granted ends with this error (51205 is run again as a deadlock victim).
    /// </summary>
    public const string SqlServerLock = """
        DECLARE @granted int;
        EXEC @granted = sys.sp_getapplock @Resource = {0}, @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 20000;
        IF @granted = -3 THROW 51205, N'Transaction lock: chosen as a deadlock victim.', 1;
        IF @granted < 0 THROW 51000, N'Transaction lock: not granted within the timeout.', 1;
        """;

    public static Task TakeAsync(DbContext db, int space, string kind, Guid id, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A transaction lock needs a transaction.");
        }
        if (db.Database.IsNpgsql())
        {
            return db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({space}, {Key(id)})", ct);
        }
        if (db.Database.IsSqlServer())
        {
            return db.Database.ExecuteSqlRawAsync(SqlServerLock, [$"needling.{kind}.{id:N}"], ct);
        }
        return Task.CompletedTask;
    }

    /// <summary>The id folded to 32 bits, the same on every instance. Two ids sharing a key only wait for each other now and then.</summary>
    public static int Key(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        var ints = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(bytes);
        return ints[0] ^ ints[1] ^ ints[2] ^ ints[3];
    }
}
