using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Needling.SharedKernel.Data;

/// <summary>
/// The servers: runs a write again when it was chosen as a deadlock victim (PostgreSQL SQLSTATE 40P01, SQL Server error
/// 1205), and nothing else. Concurrent inserts that clash on an exclusion constraint can each wait for the other;
/// PostgreSQL then aborts one of them. That one did nothing wrong: run again, it waits for the winner and gets its true
/// answer (the constraint's 409 naming the resource, or saved) instead of a 500. EF runs the whole SaveChanges again,
/// interceptors excluded, so a retry adds no second audit row. On SQL Server the booking's application locks are taken
/// in one fixed order and cannot deadlock with each other, but its row locks can with another writer's (the outbox,
/// the inbox); the victim is run again in the same way.
/// </summary>
internal sealed class DeadlockRetryStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromMilliseconds(200))
{
    /// <summary>SQL Server's error number for "chosen as the deadlock victim".</summary>
    public const int SqlServerDeadlock = 1205;

    /// <summary>Raised by our own batches when sp_getapplock answers -3 (chosen as a deadlock victim while waiting for the lock).</summary>
    public const int SqlServerLockDeadlock = 51205;

    protected override bool ShouldRetryOn(Exception exception) =>
        CallOnWrappedException(exception, e => e switch
        {
            PostgresException pg => pg.SqlState == PostgresErrorCodes.DeadlockDetected,
            SqlException sql => sql.Errors.Cast<SqlError>().Any(x => x.Number is SqlServerDeadlock or SqlServerLockDeadlock),
            _ => false,
        });
}
