using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Needling.SharedKernel.Data;

/// <summary>
/// PostgreSQL: runs a write again when it was chosen as a deadlock victim (SQLSTATE 40P01), and nothing else.
/// Concurrent inserts that clash on an exclusion constraint can each wait for the other; PostgreSQL then
/// aborts one of them. That one did nothing wrong: run again, it waits for the winner and gets its true
/// answer (the constraint's 409 naming the resource, or saved) instead of a 500. EF runs the whole
/// SaveChanges again, interceptors excluded, so a retry adds no second audit row.
/// </summary>
internal sealed class DeadlockRetryStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromMilliseconds(200))
{
    protected override bool ShouldRetryOn(Exception exception) =>
        CallOnWrappedException(exception, e => e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected });
}
