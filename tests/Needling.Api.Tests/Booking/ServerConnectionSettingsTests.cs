using System.Data;
using Needling.Api.Tests.Support;
using Needling.SharedKernel.Data;
using Npgsql;

namespace Needling.Api.Tests.Booking;

/// <summary>
/// The service's PostgreSQL connections (<see cref="DbContextOptionsExtensions.WithServerDefaults"/>) stay sound after a
/// statement fails inside a transaction, as a refused booking or a bad value does every day. With Npgsql's auto-prepare
/// on (10.0.3), the run that failed while preparing left the pooled connection believing the statement was ready, and
/// the next use read a result of the wrong shape (npgsql/npgsql#6391): CI saw it as a 500 on sign-in. One connection in
/// the pool, so every round runs on the same one, as a busy pool eventually does.
/// </summary>
public sealed class ServerConnectionSettingsTests : IAsyncLifetime
{
    private TestDatabase? _db;
    private string _connectionString = "";

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(Provider.PostgreSql);
        _connectionString = new NpgsqlConnectionStringBuilder(DbContextOptionsExtensions.WithServerDefaults(_db.ConnectionString))
        {
            MaxPoolSize = 1,
            ApplicationName = "connection-settings-test",
        }.ConnectionString;
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand(
            "CREATE TABLE probe (id int PRIMARY KEY, name varchar(10) NOT NULL); INSERT INTO probe VALUES (1, 'first'), (2, 'second')", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    // Each statement runs four times on the one pooled connection, the second time with a value that makes it fail
    // after PostgreSQL has parsed it (Npgsql's auto-prepare prepared on the second use): every other run must answer
    // the row it asked for, with its columns.
    [Theory]
    [InlineData("SELECT id, name FROM probe WHERE id = $1::text::int", "1", "x", "1 first (2 columns)")]
    [InlineData("SELECT id, name, 10 / $1 FROM probe WHERE id = 1", 2, 0, "1 first (3 columns)")]
    [InlineData("INSERT INTO probe (id, name) VALUES (3, $1) RETURNING id, name", "ok", "far too long for ten", "3 ok (2 columns)")]
    public async Task A_statement_that_fails_inside_a_transaction_leaves_the_pooled_connection_answering_correctly(
        string sql, object good, object failing, string expected)
    {
        var answers = new List<string>();
        for (var round = 0; round < 4; round++)
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted);
            await using var command = new NpgsqlCommand(sql, connection, transaction) { Parameters = { new() { Value = round == 1 ? failing : good } } };
            try
            {
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    Assert.True(await reader.ReadAsync(), $"round {round}: no row");
                    answers.Add($"{reader.GetInt32(0)} {reader.GetString(1)} ({reader.FieldCount} columns)");
                }
                await transaction.RollbackAsync(); // leaves the table as it was for the next round
            }
            catch (PostgresException refused) when (round == 1)
            {
                answers.Add($"refused {refused.SqlState}");
                await transaction.RollbackAsync();
            }
        }
        Assert.Equal(4, answers.Count);
        Assert.StartsWith("refused ", answers[1], StringComparison.Ordinal);
        Assert.Equal([expected, expected, expected], new[] { answers[0], answers[2], answers[3] });
    }

    [Fact]
    public void The_service_leaves_auto_prepare_off_and_warns_when_an_operator_turns_it_on()
    {
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(DbContextOptionsExtensions.WithServerDefaults("Host=db;Username=needling")).MaxAutoPrepare);
        Assert.Null(DbContextOptionsExtensions.AutoPrepareWarning("Host=db;Username=needling"));
        Assert.Contains("npgsql/npgsql#6391", DbContextOptionsExtensions.AutoPrepareWarning("Host=db;Max Auto Prepare=20"));
    }
}
