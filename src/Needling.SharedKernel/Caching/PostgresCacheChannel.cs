using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Needling.SharedKernel.Caching;

/// <summary>
/// Cross-instance invalidation on PostgreSQL (LISTEN/NOTIFY on one dedicated connection). Several instances
/// share one database; when one of them changes reference data, the others drop the region, and the write is
/// answered only once every listening instance has said so (or after <see cref="AckPatience"/>): an Admin who
/// disables a staff account has ended its tokens on every instance by the time the change is confirmed.
/// While the listening connection is down the cache stays off (every read goes to the database), and it is
/// emptied again when the connection comes back, so a missed notification cannot leave stale data behind.
/// </summary>
public sealed class PostgresCacheChannel(ReferenceCache cache, string connectionString, ILogger<PostgresCacheChannel> log)
    : BackgroundService, ICacheChannel
{
    internal const string Channel = "needling_cache";
    private const string AckChannel = "needling_cache_ack";
    /// <summary>The listening connections' application_name: the publisher counts them to know how many acks to await.</summary>
    private const string ListenerName = "needling-cache-listener";
    /// <summary>A payload starting so asks every listener to acknowledge; the regions before it (same statement) are then dropped.</summary>
    private const char AckRequest = '?';
    private static readonly TimeSpan AckPatience = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Acks> _waiting = new();
    private volatile bool _listening;

    public async Task PublishAsync(IReadOnlyCollection<string> regions, CancellationToken ct)
    {
        var nonce = Guid.NewGuid().ToString("N");
        // Our own listener hears the acks; without it, publish and do not wait.
        var acks = _listening ? _waiting.GetOrAdd(nonce, _ => new Acks()) : null;
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            // One implicit transaction: the notifications arrive in this order, the regions before the request for acks.
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand($"SELECT pg_notify('{Channel}', r) FROM unnest(@regions) AS r") { Parameters = { new("regions", regions.ToArray()) } },
                    new NpgsqlBatchCommand($"""
                        SELECT pg_notify('{Channel}', @ask),
                               (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @listener)
                        """) { Parameters = { new("ask", AckRequest + nonce), new("listener", ListenerName) } },
                },
            };
            long listeners;
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                await reader.NextResultAsync(ct);
                await reader.ReadAsync(ct);
                listeners = reader.GetInt64(1);
            }
            if (acks is not null && !await acks.WaitForAsync(listeners, AckPatience))
            {
                log.LogWarning("Only {Acked} of {Listeners} instances confirmed dropping {Regions} within {Seconds} s",
                    acks.Received, listeners, string.Join(",", regions), AckPatience.TotalSeconds);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // The write itself has committed; the other instances catch up when their entries expire.
            log.LogWarning("Could not tell other instances to reload {Regions}: {ExceptionType}", string.Join(",", regions), ex.GetType().Name);
        }
        finally
        {
            _waiting.TryRemove(nonce, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listen = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 15, ApplicationName = ListenerName }.ConnectionString;
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listen);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Heard(e.Channel, e.Payload);
                await using (var command = new NpgsqlCommand($"LISTEN {Channel}; LISTEN {AckChannel}", connection))
                {
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
                cache.Reset(reliable: true);
                _listening = true;
                delay = TimeSpan.FromSeconds(1);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                StopListening();
                log.LogWarning("Reference-data cache off until the database's notification channel is back: {ExceptionType}", ex.GetType().Name);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
        StopListening();
    }

    private void Heard(string channel, string payload)
    {
        if (channel == AckChannel)
        {
            if (_waiting.TryGetValue(payload, out var acks))
            {
                acks.Add();
            }
        }
        else if (payload.StartsWith(AckRequest))
        {
            // The listening connection is busy waiting: answer on another one.
            _ = AcknowledgeAsync(payload[1..]);
        }
        else
        {
            cache.Invalidate(payload);
        }
    }

    private async Task AcknowledgeAsync(string nonce)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"SELECT pg_notify('{AckChannel}', @nonce)", connection) { Parameters = { new("nonce", nonce) } };
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            log.LogWarning("Could not confirm a cache invalidation to the instance that asked: {ExceptionType}", ex.GetType().Name);
        }
    }

    private void StopListening()
    {
        _listening = false;
        cache.Reset(reliable: false);
        foreach (var acks in _waiting.Values)
        {
            acks.GiveUp();
        }
    }

    /// <summary>Acks counted as they come; they may come before the publisher knows how many to expect.</summary>
    private sealed class Acks
    {
        private readonly TaskCompletionSource<bool> _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _expected = long.MaxValue;
        private long _received;

        public long Received => Interlocked.Read(ref _received);

        public void Add()
        {
            if (Interlocked.Increment(ref _received) >= Interlocked.Read(ref _expected))
            {
                _all.TrySetResult(true);
            }
        }

        public void GiveUp() => _all.TrySetResult(false);

        public async Task<bool> WaitForAsync(long expected, TimeSpan patience)
        {
            Interlocked.Exchange(ref _expected, expected);
            if (Received >= expected)
            {
                return true;
            }
            return await _all.Task.WaitAsync(patience).ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default);
        }
    }
}

/// <summary>SQLite: the database file belongs to one instance, so invalidating in-process is all there is to do.</summary>
public sealed class LocalCacheChannel : ICacheChannel
{
    public LocalCacheChannel(ReferenceCache cache) => cache.Reset(reliable: true);

    public Task PublishAsync(IReadOnlyCollection<string> regions, CancellationToken ct) => Task.CompletedTask;
}
