using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Needling.SharedKernel.Caching;

/// <summary>
/// Cross-instance invalidation on PostgreSQL (LISTEN/NOTIFY on one dedicated connection). Several instances
/// share one database; when one of them changes reference data, the others drop the region within
/// milliseconds. While the listening connection is down the cache stays off (every read goes to the
/// database), and it is emptied again when the connection comes back, so a missed notification cannot
/// leave stale rules or resources behind.
/// </summary>
public sealed class PostgresCacheChannel(ReferenceCache cache, string connectionString, ILogger<PostgresCacheChannel> log)
    : BackgroundService, ICacheChannel
{
    internal const string Channel = "needling_cache";

    public async Task PublishAsync(IReadOnlyCollection<string> regions, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"SELECT pg_notify('{Channel}', r) FROM unnest(@regions) AS r", connection);
            command.Parameters.AddWithValue("regions", regions.ToArray());
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // The write itself has committed; the other instances catch up when their entries expire.
            log.LogWarning("Could not tell other instances to reload {Regions}: {ExceptionType}", string.Join(",", regions), ex.GetType().Name);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listen = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 15 }.ConnectionString;
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listen);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => cache.Invalidate(e.Payload);
                await using (var command = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
                cache.Reset(reliable: true);
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
                cache.Reset(reliable: false);
                log.LogWarning("Reference-data cache off until the database's notification channel is back: {ExceptionType}", ex.GetType().Name);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
        cache.Reset(reliable: false);
    }
}

/// <summary>SQLite: the database file belongs to one instance, so invalidating in-process is all there is to do.</summary>
public sealed class LocalCacheChannel : ICacheChannel
{
    public LocalCacheChannel(ReferenceCache cache) => cache.Reset(reliable: true);

    public Task PublishAsync(IReadOnlyCollection<string> regions, CancellationToken ct) => Task.CompletedTask;
}
