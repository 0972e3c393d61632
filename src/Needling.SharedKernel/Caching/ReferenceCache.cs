using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Needling.SharedKernel.Caching;

/// <summary>
/// In-process cache for reference data that only an Admin changes (the clinic, its practitioners, rooms,
/// devices and treatments, schedules, the current rule set). A booking used to read all of it from the
/// database on every request (about ten queries); here it is read once and kept until a write to the same
/// region invalidates it — on this instance at once (<see cref="CacheInvalidationInterceptor"/>), on the
/// others through the database's notification channel (<see cref="PostgresCacheChannel"/>) or, on SQL Server, a version
/// table they poll (<see cref="SqlServerCacheChannel"/>).
/// </summary>
/// <remarks>
/// Each region has a generation number that every invalidation raises. A value loaded while the
/// generation moved is returned to its caller but not kept, so a load racing a write can never leave the
/// old value behind. Entries also expire after <see cref="CacheOptions.ReferenceDataSeconds"/>, a backstop
/// should a notification be lost. While cross-instance invalidation is not working (PostgreSQL listener
/// not connected, SQL Server's version table unreadable), nothing is cached: every call reads the database, as it did before the cache.
/// Cached values must be immutable (records with read-only lists).
/// </remarks>
public sealed class ReferenceCache(TimeProvider clock, CacheOptions options)
{
    private readonly ConcurrentDictionary<(string Region, object Key), Entry> _entries = new();
    private readonly ConcurrentDictionary<string, StrongBox<long>> _generations = new();
    private volatile bool _reliable;

    /// <summary>False while another instance's writes could go unnoticed; then the cache only passes reads through.</summary>
    public bool Reliable => _reliable && options.ReferenceDataSeconds > 0;

    public ValueTask<T> GetAsync<T>(string region, object key, Func<CancellationToken, Task<T>> load, CancellationToken ct) =>
        GetAsync(region, key, load, TimeSpan.MaxValue, ct);

    /// <summary>As above, but kept at most <paramref name="maxAge"/> (when shorter than the configured expiry).</summary>
    public async ValueTask<T> GetAsync<T>(string region, object key, Func<CancellationToken, Task<T>> load, TimeSpan maxAge, CancellationToken ct)
    {
        var generation = Generation(region);
        var now = clock.GetUtcNow();
        var before = Volatile.Read(ref generation.Value);
        if (Reliable && _entries.TryGetValue((region, key), out var hit) && hit.Generation == before && hit.ExpiresAt > now)
        {
            return (T)hit.Value!;
        }
        var value = await load(ct);
        if (Reliable && Volatile.Read(ref generation.Value) == before)
        {
            var keep = TimeSpan.FromSeconds(options.ReferenceDataSeconds);
            _entries[(region, key)] = new Entry(value, before, now + (maxAge < keep ? maxAge : keep));
        }
        return value;
    }

    /// <summary>Forgets everything cached in <paramref name="region"/> on this instance.</summary>
    public void Invalidate(string region)
    {
        Interlocked.Increment(ref Generation(region).Value);
        foreach (var key in _entries.Keys)
        {
            if (key.Region == region)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    /// <summary>Forgets everything, and caches again only when <paramref name="reliable"/>.</summary>
    public void Reset(bool reliable)
    {
        _reliable = false;
        foreach (var generation in _generations.Values)
        {
            Interlocked.Increment(ref generation.Value);
        }
        _entries.Clear();
        _reliable = reliable;
    }

    private StrongBox<long> Generation(string region) => _generations.GetOrAdd(region, _ => new StrongBox<long>(0));

    private sealed record Entry(object? Value, long Generation, DateTimeOffset ExpiresAt);
}

/// <summary>Bound from the "Caching" configuration section.</summary>
public sealed class CacheOptions
{
    public const string Section = "Caching";

    /// <summary>
    /// How long reference data may be served from memory at most (a backstop: writes invalidate it at once).
    /// 0 turns the cache off, so every request reads the database.
    /// </summary>
    public int ReferenceDataSeconds { get; set; } = 300;

    /// <summary>
    /// SQL Server only: how often each instance reads the regions' version numbers (<see cref="SqlServerCacheChannel"/>),
    /// so how long another instance's change may take to show here. PostgreSQL is told at once (LISTEN/NOTIFY).
    /// </summary>
    public int PollMilliseconds { get; set; } = 1000;
}
