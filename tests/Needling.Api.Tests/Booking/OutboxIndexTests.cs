using Needling.Api.Tests.Support;
using Npgsql;

namespace Needling.Api.Tests.Booking;

/// <summary>
/// The outbox dispatcher asks, every time it wakes, for the oldest messages not yet processed. With a backlog
/// (a busy morning, or the service down for a while) that question must read one batch, not the whole table.
/// PostgreSQL only: it reads PostgreSQL's plan (EXPLAIN); SQL Server gets the same filtered index from the model.
/// </summary>
public sealed class OutboxIndexTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task With_thousands_of_messages_waiting_the_due_query_reads_the_index_in_order_instead_of_sorting_the_table()
    {
        await using var conn = new NpgsqlConnection(app.Database.ConnectionString);
        await conn.OpenAsync();
        // In a transaction that is rolled back: the running service's dispatcher never sees these rows, and the
        // statistics ANALYZE gathers for them are rolled back with them.
        await using var tx = await conn.BeginTransactionAsync();
        await ExecuteAsync(conn, """
            INSERT INTO booking.outbox (id, type, payload, occurred_at_utc, processed_at_utc)
            SELECT gen_random_uuid(), 'Test', repeat('x', 400), now() - interval '1 hour' + g * interval '1 ms',
                   CASE WHEN g <= 5000 THEN now() END
            FROM generate_series(1, 25000) AS g;
            ANALYZE booking.outbox;
            """);
        // The dispatcher's query (OutboxDispatcher.DispatchBatchAsync), as EF Core sends it.
        await using var explain = new NpgsqlCommand("""
            EXPLAIN SELECT o.id, o.type
            FROM booking.outbox AS o
            WHERE o.processed_at_utc IS NULL AND (o.locked_until_utc IS NULL OR o.locked_until_utc < now())
            ORDER BY o.occurred_at_utc
            LIMIT 50
            """, conn);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }
        var text = string.Join("\n", plan);
        Assert.Contains("Index Scan using ix_outbox_occurred_at_utc", text);
        Assert.DoesNotContain("Seq Scan", text);
        Assert.DoesNotContain("Sort", text);
        await tx.RollbackAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
