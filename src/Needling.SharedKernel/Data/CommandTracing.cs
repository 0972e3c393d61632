using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Needling.SharedKernel.Data;

/// <summary>
/// A span per SQL command on SQLite and SQL Server, whose drivers have no tracing the host turns on (Npgsql does: the
/// host adds it; SqlClient's needs an instrumentation package of its own). The span carries the operation only: the
/// SQL text is parameterised, but a span needs no more than what kind of call it was.
/// </summary>
/// <param name="system">The OpenTelemetry db.system.name: "sqlite" or "microsoft.sql_server".</param>
/// <param name="prefix">What a span's name starts with: "sqlite" or "mssql".</param>
public sealed class CommandTracing(string system, string prefix) : DbCommandInterceptor
{
    public const string Name = "Needling.Database";
    public static readonly CommandTracing Sqlite = new("sqlite", "sqlite");
    public static readonly CommandTracing SqlServer = new("microsoft.sql_server", "mssql");
    private static readonly ActivitySource Source = new(Name);
    private static readonly ConditionalWeakTable<DbCommand, Activity> Running = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Start(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Start(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Start(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Stop(command, null);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Stop(command, null);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Stop(command, null);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop(command, null);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Stop(command, null);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Stop(command, null);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Stop(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(command, eventData.Exception);
        return Task.CompletedTask;
    }

    private void Start(DbCommand command)
    {
        if (!Source.HasListeners())
        {
            return;
        }
        var operation = Operation(command.CommandText);
        var activity = Source.StartActivity($"{prefix} {operation}", ActivityKind.Client);
        if (activity is null)
        {
            return;
        }
        activity.SetTag("db.system.name", system);
        activity.SetTag("db.operation.name", operation);
        Running.AddOrUpdate(command, activity);
    }

    private static void Stop(DbCommand command, Exception? error)
    {
        if (!Running.TryGetValue(command, out var activity))
        {
            return;
        }
        Running.Remove(command);
        if (error is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        }
        activity.Dispose();
    }

    // The first keyword of the batch: SELECT, INSERT, UPDATE, DELETE, or what else it starts with.
    private static string Operation(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        var end = text.IndexOfAny(" \r\n\t(;");
        return (end < 0 ? text : text[..end]).ToString().ToUpperInvariant();
    }
}
