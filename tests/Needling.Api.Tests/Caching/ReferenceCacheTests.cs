using Needling.Api.Tests.Support;
using Needling.SharedKernel.Caching;

namespace Needling.Api.Tests.Caching;

/// <summary>The in-process cache for reference data: kept until a write or its expiry, never kept when a write raced the load.</summary>
public sealed class ReferenceCacheTests
{
    private readonly TestClock _clock = new();

    private ReferenceCache Cache(int seconds = 300, bool reliable = true)
    {
        var cache = new ReferenceCache(_clock, new CacheOptions { ReferenceDataSeconds = seconds });
        cache.Reset(reliable);
        return cache;
    }

    [Fact]
    public async Task A_value_is_read_once_until_its_region_is_invalidated()
    {
        var cache = Cache();
        var loads = 0;
        Task<int> Load(CancellationToken _) => Task.FromResult(++loads);

        Assert.Equal(1, await cache.GetAsync("clinic", "k", Load, default));
        Assert.Equal(1, await cache.GetAsync("clinic", "k", Load, default));
        cache.Invalidate("booking.schedules");
        Assert.Equal(1, await cache.GetAsync("clinic", "k", Load, default));
        cache.Invalidate("clinic");
        Assert.Equal(2, await cache.GetAsync("clinic", "k", Load, default));
    }

    [Fact]
    public async Task An_entry_expires_after_the_configured_time_even_without_a_write()
    {
        var cache = Cache(seconds: 60);
        var loads = 0;
        Task<int> Load(CancellationToken _) => Task.FromResult(++loads);

        await cache.GetAsync("clinic", "k", Load, default);
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(1, await cache.GetAsync("clinic", "k", Load, default));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, await cache.GetAsync("clinic", "k", Load, default));
    }

    [Fact]
    public async Task An_entry_asked_for_with_a_shorter_lifetime_expires_after_that_one()
    {
        var cache = Cache(seconds: 300);
        var loads = 0;
        Task<int> Load(CancellationToken _) => Task.FromResult(++loads);

        await cache.GetAsync("clinic.staff", "k", Load, TimeSpan.FromSeconds(60), default);
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(1, await cache.GetAsync("clinic.staff", "k", Load, TimeSpan.FromSeconds(60), default));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, await cache.GetAsync("clinic.staff", "k", Load, TimeSpan.FromSeconds(60), default));
    }

    [Fact]
    public async Task A_load_that_raced_a_write_is_returned_but_not_kept()
    {
        var cache = Cache();
        var loads = 0;
        var first = await cache.GetAsync("clinic", "k", _ =>
        {
            loads++;
            cache.Invalidate("clinic"); // an Admin saved while this load was reading the old rows
            return Task.FromResult("old");
        }, default);
        Assert.Equal("old", first);
        Assert.Equal("new", await cache.GetAsync("clinic", "k", _ => { loads++; return Task.FromResult("new"); }, default));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task While_invalidation_is_not_reliable_or_the_cache_is_off_every_call_reads_the_database()
    {
        foreach (var cache in new[] { Cache(reliable: false), Cache(seconds: 0) })
        {
            var loads = 0;
            Task<int> Load(CancellationToken _) => Task.FromResult(++loads);
            await cache.GetAsync("clinic", "k", Load, default);
            await cache.GetAsync("clinic", "k", Load, default);
            Assert.Equal(2, loads);
        }
    }

    [Fact]
    public async Task A_reset_forgets_everything()
    {
        var cache = Cache();
        var loads = 0;
        Task<int> Load(CancellationToken _) => Task.FromResult(++loads);
        await cache.GetAsync("clinic", "k", Load, default);
        await cache.GetAsync("protocols.rules", "k", Load, default);
        cache.Reset(reliable: true);
        Assert.Equal(3, await cache.GetAsync("clinic", "k", Load, default));
        Assert.Equal(4, await cache.GetAsync("protocols.rules", "k", Load, default));
    }
}
