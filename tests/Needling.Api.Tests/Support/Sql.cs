using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Needling.Api.Tests.Support;

/// <summary>Plain SQL on a test database, for what the API does not show (outboxes, inboxes, Hangfire's tables).</summary>
public static class Sql
{
    /// <summary>A module's table: schema.table on PostgreSQL and SQL Server, schema_table on SQLite.</summary>
    public static string Table(this TestDatabase db, string schema, string table) =>
        db.Provider == Provider.Sqlite ? $"{schema}_{table}" : $"{schema}.{table}";

    public static async Task<long> ScalarAsync(this TestDatabase db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open(db);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public static async Task<string?> TextAsync(this TestDatabase db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open(db);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return (await command.ExecuteScalarAsync()) as string;
    }

    public static async Task<Guid?> GuidAsync(this TestDatabase db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open(db);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync() switch
        {
            Guid g => g,
            string s => Guid.Parse(s),
            _ => null,
        };
    }

    public static async Task<int> ExecuteAsync(this TestDatabase db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open(db);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until <paramref name="condition"/> holds, up to <paramref name="seconds"/>; says whether it did.</summary>
    public static async Task<bool> Eventually(Func<Task<bool>> condition, int seconds = 20)
    {
        for (var until = DateTime.UtcNow.AddSeconds(seconds); DateTime.UtcNow < until; await Task.Delay(100))
        {
            if (await condition())
            {
                return true;
            }
        }
        return await condition();
    }

    private static DbConnection Open(TestDatabase db) => db.Provider switch
    {
        Provider.PostgreSql => new NpgsqlConnection(db.ConnectionString),
        Provider.SqlServer => new SqlConnection(db.ConnectionString),
        _ => new SqliteConnection(db.ConnectionString),
    };

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            // SQLite stores ids as text (EF Core's mapping); PostgreSQL as uuid, SQL Server as uniqueidentifier.
            p.Value = value is Guid g && connection is SqliteConnection ? g.ToString().ToUpperInvariant() : value;
            command.Parameters.Add(p);
        }
        return command;
    }
}
