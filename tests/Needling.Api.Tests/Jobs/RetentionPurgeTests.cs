using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Needling.Api.Tests.Support;
using Needling.SharedKernel.Outbox;

namespace Needling.Api.Tests.Jobs;

/// <summary>Processed facts, inbox records and idempotency keys are kept for the retention (30 days), then purged daily.</summary>
public abstract class RetentionPurgeTests(AppFixture app)
{
    [Fact]
    public async Task The_purge_removes_processed_outbox_rows_inbox_records_and_idempotency_keys_older_than_30_days_and_keeps_recent_ones()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var (oldAt, recentAt) = (now.AddDays(-31), now.AddDays(-29));
        var outbox = app.Database.Table("booking", "outbox");
        var inbox = app.Database.Table("consent", "inbox");
        var keys = app.Database.Table("booking", "idempotency_keys");
        var (oldMessage, recentMessage) = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var (id, at) in new[] { (oldMessage, oldAt), (recentMessage, recentAt) })
        {
            await app.Database.ExecuteAsync($"INSERT INTO {outbox} (id, type, payload, occurred_at_utc, processed_at_utc) VALUES (@id, 'booking.appointment-cancelled', '{{}}', @at, @at)",
                ("@id", id), ("@at", at));
            await app.Database.ExecuteAsync($"INSERT INTO {inbox} (message_id, consumer, handled_at_utc) VALUES (@id, 'Purge.Test', @at)", ("@id", id), ("@at", at));
            await app.Database.ExecuteAsync(
                $"INSERT INTO {keys} (id, scope, \"key\", request_hash, status_code, response_json, created_at_utc) VALUES (@id, 'purge-test', @key, 'hash', 201, '{{}}', @at)",
                ("@id", id), ("@key", id.ToString()), ("@at", at));
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<RetentionJobs>(scope.ServiceProvider).PurgeAsync(CancellationToken.None);
        }

        Assert.Equal(0, await app.Database.ScalarAsync($"SELECT count(*) FROM {outbox} WHERE id = @id", ("@id", oldMessage)));
        Assert.Equal(1, await app.Database.ScalarAsync($"SELECT count(*) FROM {outbox} WHERE id = @id", ("@id", recentMessage)));
        Assert.Equal(0, await app.Database.ScalarAsync($"SELECT count(*) FROM {inbox} WHERE message_id = @id", ("@id", oldMessage)));
        Assert.Equal(1, await app.Database.ScalarAsync($"SELECT count(*) FROM {inbox} WHERE message_id = @id", ("@id", recentMessage)));
        Assert.Equal(0, await app.Database.ScalarAsync($"SELECT count(*) FROM {keys} WHERE id = @id", ("@id", oldMessage)));
        Assert.Equal(1, await app.Database.ScalarAsync($"SELECT count(*) FROM {keys} WHERE id = @id", ("@id", recentMessage)));
    }

    [Fact]
    public void The_purge_the_outbox_sweep_and_the_aftercare_deliveries_are_recurring_jobs()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        Assert.Equal("0 3 * * *", recurring["purge"].Cron);
        Assert.Equal("* * * * *", recurring["outbox-sweep"].Cron);
        Assert.Equal("* * * * *", recurring["aftercare-deliveries"].Cron);
    }
}

public sealed class RetentionPurgeTestsOnSqlite(SqliteApp app) : RetentionPurgeTests(app), IClassFixture<SqliteApp>;

public sealed class RetentionPurgeTestsOnPostgres(PostgresApp app) : RetentionPurgeTests(app), IClassFixture<PostgresApp>;

public sealed class RetentionPurgeTestsOnSqlServer(SqlServerApp app) : RetentionPurgeTests(app), IClassFixture<SqlServerApp>;
