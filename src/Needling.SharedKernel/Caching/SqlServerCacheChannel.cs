using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Needling.SharedKernel.Modules;

namespace Needling.SharedKernel.Caching;

/// <summary>
/// Cross-instance invalidation on SQL Server, which has no LISTEN/NOTIFY: a version number per region in one small
/// table, raised by the instance that saved a change, and read by every instance once a second
/// (<see cref="CacheOptions.PollMilliseconds"/>). A region whose number moved is dropped. So another instance serves
/// the old reference data for at most about one poll after the write (PostgreSQL: milliseconds). While the table
/// cannot be read the cache stays off (every read goes to the database), and it is emptied again when it can, so a
/// change made meanwhile cannot leave stale rules or resources behind. Query notifications (SqlDependency) were not
/// used: they need Service Broker enabled on the database, which an operator's database may not allow.
/// </summary>
public sealed class SqlServerCacheChannel(ReferenceCache cache, string connectionString, CacheOptions options, ILogger<SqlServerCacheChannel> log)
    : BackgroundService, ICacheChannel
{
    internal const string Table = "[cache].[region_versions]";

    // An upsert per region; HOLDLOCK keeps two instances from inserting the same new region at once.
    internal const string RaiseSql = $"""
        MERGE {Table} WITH (HOLDLOCK) AS t
        USING (SELECT @region AS region) AS s ON t.region = s.region
        WHEN MATCHED THEN UPDATE SET version = t.version + 1
        WHEN NOT MATCHED THEN INSERT (region, version) VALUES (s.region, 1);
        """;

    internal const string ReadSql = $"SELECT region, version FROM {Table};";

    public async Task PublishAsync(IReadOnlyCollection<string> regions, CancellationToken ct)
    {
        try
        {
            await using var connection = new SqlConnection(connectionString);
            await connection.OpenAsync(ct);
            foreach (var region in regions)
            {
                await using var command = new SqlCommand(RaiseSql, connection);
                command.Parameters.Add(new SqlParameter("@region", System.Data.SqlDbType.NVarChar, 100) { Value = region });
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        catch (Exception ex) when (ex is SqlException or TimeoutException or InvalidOperationException)
        {
            // The write itself has committed; the other instances catch up when their entries expire.
            log.LogWarning("Could not tell other instances to reload {Regions}: {ExceptionType}", string.Join(",", regions), ex.GetType().Name);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(Math.Max(100, options.PollMilliseconds));
        Dictionary<string, long>? seen = null;
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = await ReadAsync(stoppingToken);
                if (seen is null)
                {
                    // First read, or the first after a failure: whatever changed before it is forgotten with everything else.
                    cache.Reset(reliable: true);
                }
                else
                {
                    foreach (var (region, version) in now)
                    {
                        if (!seen.TryGetValue(region, out var before) || before != version)
                        {
                            cache.Invalidate(region);
                        }
                    }
                }
                seen = now;
                delay = TimeSpan.FromSeconds(1);
                await Task.Delay(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                seen = null;
                cache.Reset(reliable: false);
                log.LogWarning("Reference-data cache off until the database's version table can be read again: {ExceptionType}", ex.GetType().Name);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
        cache.Reset(reliable: false);
    }

    private async Task<Dictionary<string, long>> ReadAsync(CancellationToken ct)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new SqlCommand(ReadSql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }
        return versions;
    }
}

/// <summary>
/// Creates <see cref="SqlServerCacheChannel"/>'s table with the modules' migrations (on start and by `migrate`). It is
/// the service's own bookkeeping, not a module's, so it has no EF migration; instances starting together take turns
/// under an application lock.
/// </summary>
internal sealed class SqlServerCacheTableInitializer(string connectionString) : IModuleInitializer
{
    internal const string CreateSql = $"""
        BEGIN TRANSACTION;
        EXEC sys.sp_getapplock @Resource = N'needling.cache.schema', @LockMode = N'Exclusive', @LockOwner = N'Transaction';
        IF SCHEMA_ID(N'cache') IS NULL EXEC(N'CREATE SCHEMA [cache]');
        IF OBJECT_ID(N'{SqlServerCacheChannel.Table}') IS NULL
            CREATE TABLE {SqlServerCacheChannel.Table} (
                region nvarchar(100) NOT NULL CONSTRAINT pk_region_versions PRIMARY KEY,
                version bigint NOT NULL);
        COMMIT TRANSACTION;
        """;

    internal const string MissingSql = $"SELECT CASE WHEN OBJECT_ID(N'{SqlServerCacheChannel.Table}') IS NULL THEN 1 ELSE 0 END;";

    public int Order => -1000;

    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new SqlCommand(CreateSql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> HasPendingMigrationsAsync(CancellationToken ct)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new SqlCommand(MissingSql, connection);
        return (int)(await command.ExecuteScalarAsync(ct))! == 1;
    }

    public Task SeedAsync(bool demo, CancellationToken ct) => Task.CompletedTask;
}
