using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Needling.SharedKernel.Caching;

/// <summary>
/// Invalidates the regions of the <see cref="CachedAsAttribute"/> entities a SaveChanges touches: on this
/// instance before the write (so no load can keep the old rows) and again after it, when the other
/// instances are told too. Reference data is written with plain SaveChanges (no explicit transaction, no
/// ExecuteUpdate), so "after SaveChanges" is "after commit".
/// </summary>
public sealed class CacheInvalidationInterceptor(ReferenceCache cache, ICacheChannel channel) : SaveChangesInterceptor
{
    private static readonly ConcurrentDictionary<Type, string?> RegionOf = new();
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Publish(eventData.Context).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await Publish(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        HashSet<string>? regions = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && RegionOf.GetOrAdd(entry.Metadata.ClrType, t => t.GetCustomAttribute<CachedAsAttribute>()?.Region) is { } region)
            {
                (regions ??= []).Add(region);
            }
        }
        if (regions is null)
        {
            return;
        }
        foreach (var region in regions)
        {
            cache.Invalidate(region);
        }
        _pending.AddOrUpdate(context, regions);
    }

    private async Task Publish(DbContext? context)
    {
        if (Take(context) is { } regions)
        {
            // Not cancellable: the write has committed, and the other instances must hear of it.
            await channel.PublishAsync(regions, CancellationToken.None);
        }
    }

    private void Forget(DbContext? context) => Take(context);

    /// <summary>Removes the regions this context's save touched and invalidates them here (again: after the write).</summary>
    private HashSet<string>? Take(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var regions))
        {
            return null;
        }
        _pending.Remove(context);
        foreach (var region in regions)
        {
            cache.Invalidate(region);
        }
        return regions;
    }
}

/// <summary>Tells the other instances on the same database which regions to forget.</summary>
public interface ICacheChannel
{
    Task PublishAsync(IReadOnlyCollection<string> regions, CancellationToken ct);
}
