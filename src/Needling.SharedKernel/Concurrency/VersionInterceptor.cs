using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Needling.SharedKernel.Concurrency;

/// <summary>
/// Raises the version of every changed <see cref="IVersioned"/> record as it is saved, whoever changed it (an
/// endpoint, a job), so that an ETag handed out before any change no longer matches. The UPDATE still compares
/// with the version read (the original value), which is what makes two saves from one version conflict.
/// </summary>
public sealed class VersionInterceptor : SaveChangesInterceptor
{
    public static readonly VersionInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Raise(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Raise(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Raise(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        foreach (var entry in context.ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            // From the original, not the current value: a save retried after a deadlock must not raise it twice.
            var version = entry.Property(e => e.Version);
            version.CurrentValue = version.OriginalValue + 1;
        }
    }
}
