using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Needling.Load;

internal sealed record PgbenchResult(
    string Table, string Shape, double Tps, long Transactions, long FailedTransactions, double LatencyAverageMs,
    double P50Ms, double P99Ms, double MaxMs, CpuMeter.Usage Cpu, string Command);

/// <summary>
/// The raw insert rate of the same PostgreSQL server: pgbench with a custom script that inserts one appointment-shaped
/// row per transaction (autocommit, so one commit and one WAL flush each, as a booking has), random UUIDs for every id
/// and a distinct start hour from a sequence, so no insert can ever conflict.
/// </summary>
internal static partial class Pgbench
{
    public const string Columns =
        "id, patient_id, practitioner_id, room_id, device_id, treatment_code, indication, start_utc, end_utc, status, patient_initials, " +
        "cancel_reason, eligibility_outcome, rule_set_version, warnings_json, sequence, created_at_utc, updated_at_utc";

    /// <summary>
    /// Two copies of booking.appointments: <c>bench_appointments</c> with <c>LIKE … INCLUDING ALL</c> (primary key, the four
    /// (resource, start) indexes and the four exclusion constraints: the same work per row as the service's insert), and
    /// <c>bench_appointments_pk</c> with the columns and the primary key only.
    /// </summary>
    public static async Task<int> CreateTablesAsync(ThrowAwayPostgres pg, string database, CancellationToken ct)
    {
        await pg.PsqlAsync(database,
            "CREATE TABLE public.bench_appointments (LIKE booking.appointments INCLUDING ALL); " +
            "CREATE TABLE public.bench_appointments_pk (LIKE booking.appointments INCLUDING DEFAULTS); " +
            "ALTER TABLE public.bench_appointments_pk ADD PRIMARY KEY (id); " +
            "CREATE SEQUENCE public.bench_slot;", ct);
        var exclusions = await pg.PsqlAsync(database,
            "SELECT count(*) FROM pg_constraint WHERE conrelid = 'public.bench_appointments'::regclass AND contype = 'x'", ct);
        return int.Parse(exclusions.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The values of one real booking the service made (treatment, indication, initials, outcome, rule-set version,
    /// warnings JSON), as SQL literals, so the benchmark's rows are as wide as the service's.
    /// </summary>
    public static async Task<string> SampleValuesAsync(ThrowAwayPostgres pg, string database, CancellationToken ct)
    {
        var values = (await pg.PsqlAsync(database,
            "SELECT format('%L, %L, %L, %L, %s, %L', treatment_code, indication, patient_initials, eligibility_outcome, rule_set_version, warnings_json) " +
            "FROM booking.appointments ORDER BY created_at_utc LIMIT 1", ct)).Trim();
        return values.Length > 0 ? values : "'MN-PEN', 'hyperpigmentation', 'P.L.', 'AllowedWithWarnings', 1, '[]'";
    }

    public static string Script(string table, string sample)
    {
        // sample = treatment_code, indication, patient_initials, eligibility_outcome, rule_set_version, warnings_json
        var parts = SplitLiterals(sample);
        return $"INSERT INTO public.{table} ({Columns}) SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), " +
               $"{parts[0]}, {parts[1]}, s, s + interval '60 minutes', 'booked', {parts[2]}, NULL, {parts[3]}, {parts[4]}, {parts[5]}, 0, now(), now() " +
               "FROM (SELECT timestamptz '2030-01-07 09:00+00' + nextval('public.bench_slot') * interval '1 hour' AS s) AS slot;\n";
    }

    /// <summary>The tables a booking writes to in its one transaction (EF Core sends the five INSERTs as one batch).</summary>
    public static readonly string[] BookingWriteSet = ["appointments", "appointment_events", "audit_log", "idempotency_keys", "outbox"];

    /// <summary>
    /// A copy (<c>LIKE … INCLUDING ALL</c>) of each table in <see cref="BookingWriteSet"/> and one script that inserts a row
    /// into each in one transaction, sent as one command: the write set of a booking, without its reads. Values come from the
    /// service's own rows; every uuid column is a random UUID, the idempotency key too, and the outbox row is unprocessed.
    /// </summary>
    public static async Task<string> WriteSetScriptAsync(ThrowAwayPostgres pg, string database, CancellationToken ct)
    {
        var inserts = new List<string>();
        foreach (var t in BookingWriteSet)
        {
            await pg.PsqlAsync(database, $"CREATE TABLE public.bench_ws_{t} (LIKE booking.{t} INCLUDING ALL)", ct);
            var insert = (await pg.PsqlAsync(database,
                $"SELECT 'INSERT INTO public.bench_ws_{t} (' || string_agg(quote_ident(c.column_name), ', ' ORDER BY c.ordinal_position) || ') VALUES (' || " +
                "string_agg(CASE WHEN c.data_type = 'uuid' THEN 'gen_random_uuid()' " +
                $"WHEN '{t}' = 'idempotency_keys' AND c.column_name = 'key' THEN 'gen_random_uuid()::text' " +
                "WHEN c.column_name IN ('processed_at_utc', 'locked_until_utc', 'last_error') THEN 'NULL' " +
                "ELSE quote_nullable(s.j ->> c.column_name::text) END, ', ' ORDER BY c.ordinal_position) || ')' " +
                $"FROM information_schema.columns c, (SELECT to_json(x) AS j FROM booking.{t} x LIMIT 1) s " +
                $"WHERE c.table_schema = 'booking' AND c.table_name = '{t}'", ct)).Trim();
            if (!insert.StartsWith("INSERT", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"No sample row in booking.{t} to copy.");
            }
            inserts.Add(insert);
        }
        // "\;" keeps the statements in one pgbench command: one round trip and one commit, as EF Core's batch.
        return "BEGIN \\; " + string.Join(" \\; ", inserts) + " \\; COMMIT;\n";
    }

    public static async Task<PgbenchResult> RunAsync(
        ThrowAwayPostgres pg, string database, string table, string shape, string scriptText, int clients, int seconds, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("needling-pgbench-").FullName;
        try
        {
            var script = Path.Combine(work, $"insert-{table}.sql");
            await File.WriteAllTextAsync(script, scriptText, ct);
            await pg.PsqlAsync(database, "CHECKPOINT", ct);
            var threads = Math.Min(2, clients);
            string[] args =
            [
                "-h", "127.0.0.1", "-p", pg.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres",
                "-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", threads.ToString(CultureInfo.InvariantCulture),
                "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script, "-l", "--log-prefix", Path.Combine(work, "log"), database,
            ];
            var command = $"pgbench -c {clients} -j {threads} -T {seconds} -n -f insert-{table}.sql -l";
            var cpu = new CpuMeter(pg, null);
            var output = await ThrowAwayPostgres.RunAsync(Path.Combine(pg.BinDir, "pgbench"), args, ct);
            var usage = cpu.Stop();
            var tps = Number(TpsLine().Match(output), output, "tps");
            var processed = (long)Number(ProcessedLine().Match(output), output, "transactions actually processed");
            var failedMatch = FailedLine().Match(output);
            var failedTx = failedMatch.Success ? long.Parse(failedMatch.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            var average = Number(LatencyLine().Match(output), output, "latency average");

            // Per-transaction log lines: client_id transaction_no time_us script_no time_epoch time_us_fraction.
            var latencies = Directory.EnumerateFiles(work, "log.*")
                .SelectMany(File.ReadLines)
                .Select(l => l.Split(' '))
                .Where(f => f.Length >= 3)
                .Select(f => long.Parse(f[2], CultureInfo.InvariantCulture) / 1000.0)
                .Order()
                .ToArray();
            return new PgbenchResult(table, shape, tps, processed, failedTx, average,
                BookingPhase.BookingPercentile(latencies, 0.50), BookingPhase.BookingPercentile(latencies, 0.99),
                latencies.Length == 0 ? double.NaN : latencies[^1], usage, command);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: it is under the temp folder.
            }
        }
    }

    private static double Number(Match m, string output, string what) =>
        m.Success
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"pgbench printed no \"{what}\" line:{Environment.NewLine}{output}");

    /// <summary>Splits "'a', 'b', 1, '[{\"x\": \"y, z\"}]'" at the commas between SQL literals (quotes doubled inside).</summary>
    private static List<string> SplitLiterals(string s)
    {
        var parts = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\'')
            {
                quoted = !quoted;
            }
            else if (s[i] == ',' && !quoted)
            {
                parts.Add(s[start..i].Trim());
                start = i + 1;
            }
        }
        parts.Add(s[start..].Trim());
        return parts.Count == 6 ? parts : throw new InvalidOperationException($"Unexpected sample row: {s}");
    }

    [GeneratedRegex(@"^tps = ([0-9.]+) \(without initial connection time\)", RegexOptions.Multiline)]
    private static partial Regex TpsLine();

    [GeneratedRegex(@"^number of transactions actually processed: ([0-9]+)", RegexOptions.Multiline)]
    private static partial Regex ProcessedLine();

    [GeneratedRegex(@"^number of failed transactions: ([0-9]+)", RegexOptions.Multiline)]
    private static partial Regex FailedLine();

    [GeneratedRegex(@"^latency average = ([0-9.]+) ms", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();
}
