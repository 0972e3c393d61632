using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Needling.Api.Tests.Support;
using Npgsql;

namespace Needling.Api.Tests.Contract.Fuzz;

/// <summary>
/// The row count of every module table in one query: taken before and after a write that was refused, so a refused
/// write that left rows behind (a half-written record) shows up with the table it touched.
/// </summary>
public sealed class TableCounts : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly string[] _tables;
    private readonly string _query;
    private readonly string _pending;

    private TableCounts(DbConnection connection, string[] tables, string[] outboxes, Func<string, string> quote)
    {
        _connection = connection;
        _tables = tables;
        _query = "SELECT " + string.Join(", ", tables.Select(t => $"(SELECT COUNT(*) FROM {quote(t)})"));
        _pending = "SELECT " + string.Join(" + ", outboxes.Select(t => $"(SELECT COUNT(*) FROM {quote(t)} WHERE processed_at_utc IS NULL)"));
    }

    public static async Task<TableCounts> OpenAsync(TestDatabase db, Func<string, bool> ignored)
    {
        DbConnection connection = db.Provider switch
        {
            Provider.PostgreSql => new NpgsqlConnection(db.ConnectionString),
            Provider.SqlServer => new SqlConnection(db.ConnectionString),
            _ => new SqliteConnection(db.ConnectionString),
        };
        await connection.OpenAsync();
        var list = db.Provider switch
        {
            Provider.PostgreSql => "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema', 'public')",
            Provider.SqlServer => "SELECT table_schema + '.' + table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema <> 'dbo'",
            _ => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'",
        };
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = list;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        Func<string, string> quote = db.Provider == Provider.Sqlite
            ? t => $"\"{t}\""
            : t => string.Join('.', t.Split('.').Select(p => $"\"{p}\"")); // SQL Server reads "x" as a name too (QUOTED_IDENTIFIER ON)
        var outboxes = tables.Where(t => t.EndsWith("outbox", StringComparison.Ordinal)).ToArray();
        return new TableCounts(connection, tables.Where(t => !ignored(t) && !t.Contains("__EFMigrationsHistory", StringComparison.Ordinal)).Order().ToArray(), outboxes, quote);
    }

    public int Tables => _tables.Length;

    public async Task<long[]> ReadAsync()
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = _query;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return Enumerable.Range(0, _tables.Length).Select(i => Convert.ToInt64(reader.GetValue(i))).ToArray();
    }

    /// <summary>Facts in the outboxes not yet handed to the job engine.</summary>
    public async Task<long> UndispatchedAsync()
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = _pending;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>The tables whose counts differ, with before and after.</summary>
    public IEnumerable<string> Differences(long[] before, long[] after) =>
        _tables.Select((t, i) => (t, i)).Where(x => before[x.i] != after[x.i]).Select(x => $"{x.t} {before[x.i]}→{after[x.i]}");

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
