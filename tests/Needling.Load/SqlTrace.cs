using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Needling.Load;

/// <summary>One SQL command EF Core executed: a short description (verb and tables), its time as EF Core logged it.</summary>
internal sealed record SqlCommand(string What, double Ms);

/// <summary>
/// What one request (or the background) did in the database, from the service's own log. Commits counts transactions that
/// wrote: EF Core's explicit transactions that committed, plus INSERT, UPDATE or DELETE commands run outside one (each its
/// own transaction, so its own WAL flush).
/// </summary>
internal sealed class TracedRequest(string requestId, string path)
{
    public string RequestId { get; } = requestId;

    public string Path { get; } = path;

    public int Status { get; set; }

    public double ServerMs { get; set; } = double.NaN;

    public List<SqlCommand> Commands { get; } = [];

    public int Commits { get; set; }

    public int ConnectionOpens { get; set; }

    public bool InTransaction { get; set; }
}

internal sealed record SqlTraceResult(IReadOnlyList<TracedRequest> Bookings, TracedRequest Background);

/// <summary>
/// Reads the service's console log in the JSON format with scopes (<c>Logging__Console__FormatterName=json</c>,
/// <c>Logging__Console__FormatterOptions__IncludeScopes=true</c>) with EF Core's command log at Information and its
/// connection and transaction logs at Debug, and ASP.NET Core's request log at Information, and attributes every SQL
/// command, commit and connection opening to the request whose scope it ran in (RequestId). Commands outside any request
/// (the outbox dispatcher and what its handlers do) are "background".
/// </summary>
internal static partial class SqlTrace
{
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["Logging__Console__FormatterName"] = "json",
        ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Transaction"] = "Debug",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Connection"] = "Debug",
        ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
    };

    public static SqlTraceResult Parse(IEnumerable<string> lines, string bookingPath = "/appointments")
    {
        var requests = new Dictionary<string, TracedRequest>(StringComparer.Ordinal);
        var order = new List<string>();
        var background = new TracedRequest("", "");
        foreach (var line in lines)
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                continue;
            }
            using (doc)
            {
                var root = doc.RootElement;
                var category = root.TryGetProperty("Category", out var c) ? c.GetString() ?? "" : "";
                var message = root.TryGetProperty("Message", out var m) ? m.GetString() ?? "" : "";
                var (requestId, path) = RequestScope(root);
                var request = background;
                if (requestId is not null && !requests.TryGetValue(requestId, out request))
                {
                    request = new TracedRequest(requestId, path ?? "");
                    requests[requestId] = request;
                    order.Add(requestId);
                }

                switch (category)
                {
                    case "Microsoft.EntityFrameworkCore.Database.Command" when message.StartsWith("Executed DbCommand", StringComparison.Ordinal):
                        var command = new SqlCommand(Describe(CommandText(root, message)), Elapsed(message));
                        request.Commands.Add(command);
                        if (!request.InTransaction && (command.What.StartsWith("INSERT", StringComparison.Ordinal)
                            || command.What.StartsWith("UPDATE", StringComparison.Ordinal) || command.What.StartsWith("DELETE", StringComparison.Ordinal)))
                        {
                            request.Commits++;
                        }
                        break;
                    case "Microsoft.EntityFrameworkCore.Database.Transaction" when message.StartsWith("Beginning transaction", StringComparison.Ordinal):
                        request.InTransaction = true;
                        break;
                    case "Microsoft.EntityFrameworkCore.Database.Transaction" when message.StartsWith("Committed transaction", StringComparison.Ordinal):
                        request.InTransaction = false;
                        request.Commits++;
                        break;
                    case "Microsoft.EntityFrameworkCore.Database.Transaction" when message.StartsWith("Rolled back transaction", StringComparison.Ordinal):
                        request.InTransaction = false;
                        break;
                    case "Microsoft.EntityFrameworkCore.Database.Connection" when message.StartsWith("Opened connection", StringComparison.Ordinal):
                        request.ConnectionOpens++;
                        break;
                    case "Microsoft.AspNetCore.Hosting.Diagnostics" when requestId is not null && message.StartsWith("Request finished", StringComparison.Ordinal):
                        var state = root.TryGetProperty("State", out var s) ? s : default;
                        var status = state.ValueKind == JsonValueKind.Object && state.TryGetProperty("StatusCode", out var sc) ? ToDouble(sc) : double.NaN;
                        request.Status = double.IsNaN(status) ? 0 : (int)status;
                        request.ServerMs = state.ValueKind == JsonValueKind.Object && state.TryGetProperty("ElapsedMilliseconds", out var el) ? ToDouble(el) : double.NaN;
                        break;
                }
            }
        }
        var bookings = order.Select(id => requests[id]).Where(r => r.Path == bookingPath).ToList();
        return new SqlTraceResult(bookings, background);
    }

    /// <summary>"SELECT booking.idempotency_keys", "INSERT booking.appointments + booking.appointment_events", "UPDATE booking.outbox".</summary>
    public static string Describe(string sql)
    {
        var text = sql.Trim();
        var verb = FirstVerb().Match(text) is { Success: true } v ? v.Groups[1].Value.ToUpperInvariant() : text.Split(' ', 2)[0].ToUpperInvariant();
        var tables = verb switch
        {
            "INSERT" => InsertInto().Matches(text).Select(x => x.Groups[1].Value),
            "UPDATE" => UpdateTable().Matches(text).Select(x => x.Groups[1].Value),
            "DELETE" => DeleteFrom().Matches(text).Select(x => x.Groups[1].Value),
            _ => FromTable().Matches(text).Select(x => x.Groups[1].Value),
        };
        var names = tables.Select(t => t.Replace("\"", "", StringComparison.Ordinal)).Where(t => !t.StartsWith('(')).Distinct().ToList();
        var statements = Statements().Matches(text).Count;
        return $"{verb} {string.Join(" + ", names)}{(statements > 1 ? $" ({statements} statements)" : "")}".Trim();
    }

    public static string Summary(SqlTraceResult trace)
    {
        var sb = new StringBuilder();
        var ok = trace.Bookings.Where(b => b.Status == 201).ToList();
        if (ok.Count == 0)
        {
            return "no booking answered 201 in the traced run.";
        }
        static double Median(IEnumerable<double> values)
        {
            var s = values.Order().ToArray();
            return s.Length == 0 ? double.NaN : s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
        }
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"{ok.Count} bookings, one at a time: per booking (median) {Median(ok.Select(b => (double)b.Commands.Count)):0} SQL commands, " +
            $"{Median(ok.Select(b => (double)b.ConnectionOpens)):0} connection opens, committed writes (each a WAL flush): {Median(ok.Select(b => (double)b.Commits)):0}; " +
            $"the service's own time {Median(ok.Select(b => b.ServerMs)):0.0} ms, of which SQL commands {Median(ok.Select(b => b.Commands.Sum(c => c.Ms))):0.0} ms (as EF Core logs them, whole ms).");
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"In the background over the same time (outbox dispatcher and the handlers it calls, including its polling): {trace.Background.Commands.Count} commands, " +
            $"{trace.Background.Commits} committed writes, {trace.Background.ConnectionOpens} connection opens, i.e. {(double)trace.Background.Commands.Count / ok.Count:0.0} commands and " +
            $"{(double)trace.Background.Commits / ok.Count:0.0} committed writes per booking.");
        return sb.ToString();
    }

    private static (string? RequestId, string? Path) RequestScope(JsonElement root)
    {
        if (!root.TryGetProperty("Scopes", out var scopes) || scopes.ValueKind != JsonValueKind.Array)
        {
            return (null, null);
        }
        foreach (var scope in scopes.EnumerateArray())
        {
            if (scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("RequestId", out var id))
            {
                return (id.GetString(), scope.TryGetProperty("RequestPath", out var p) ? p.GetString() : null);
            }
        }
        return (null, null);
    }

    private static string CommandText(JsonElement root, string message)
    {
        if (root.TryGetProperty("State", out var state) && state.ValueKind == JsonValueKind.Object
            && state.TryGetProperty("commandText", out var text) && text.ValueKind == JsonValueKind.String)
        {
            return text.GetString() ?? "";
        }
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline >= 0 ? message[(newline + 1)..] : message;
    }

    private static double Elapsed(string message) =>
        ElapsedMs().Match(message) is { Success: true } e ? double.Parse(e.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : double.NaN;

    private static double ToDouble(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => double.NaN,
    };

    [GeneratedRegex(@"Executed DbCommand \(([0-9.,]+)ms\)")]
    private static partial Regex ElapsedMs();

    [GeneratedRegex(@"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|BEGIN|COMMIT|SET|DO|CREATE|LOCK)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstVerb();

    [GeneratedRegex(@"INSERT INTO\s+([\w"".]+)", RegexOptions.IgnoreCase)]
    private static partial Regex InsertInto();

    [GeneratedRegex(@"(?<![@\w])UPDATE\s+([\w"".]+)", RegexOptions.IgnoreCase)]
    private static partial Regex UpdateTable();

    [GeneratedRegex(@"DELETE FROM\s+([\w"".]+)", RegexOptions.IgnoreCase)]
    private static partial Regex DeleteFrom();

    [GeneratedRegex(@"(?<![@\w])FROM\s+([\w"".(]+)", RegexOptions.IgnoreCase)]
    private static partial Regex FromTable();

    [GeneratedRegex(@";\s*(\r?\n|$)")]
    private static partial Regex Statements();
}
