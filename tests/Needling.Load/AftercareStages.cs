using System.Globalization;
using System.Text;

namespace Needling.Load;

/// <summary>
/// Where a signature's time goes on its way to the patient's inbox, read back from the rows the service wrote:
/// the Sessions outbox (the fact written with the signature, then handed to Hangfire), Hangfire's job states for
/// Aftercare's consumer (picked up by a worker of either instance; done = sheet rendered and committed, sender woken),
/// and the delivery row (marked sent after the server's 250). Each as ms after the sign request was answered.
/// </summary>
internal sealed class Stages(List<Stages.Row> rows)
{
    internal sealed record Row(Guid Session, double Answered, double Written, double Dispatched, double JobStarted, double SheetStarted, double JobDone, double MarkedSent);

    public static async Task<Stages> ReadAsync(ThrowAwayPostgres pg, string database, Dictionary<Guid, double> answered, CancellationToken ct)
    {
        const string sql = """
            WITH signed AS (
                SELECT o.id::text AS message, (o.payload::jsonb ->> 'sessionId')::uuid AS session, o.occurred_at_utc, o.processed_at_utc
                FROM sessions.outbox o WHERE o.type = 'sessions.session-signed'),
            jobs AS (
                SELECT s.session,
                       min(st.createdat) FILTER (WHERE st.name = 'Processing') AS started,
                       min(st.createdat) FILTER (WHERE st.name = 'Succeeded') AS done
                FROM signed s
                JOIN hangfire.job j ON j.arguments::text LIKE '%' || s.message || '%' AND j.arguments::text LIKE '%PrepareSheetWhenSessionSigned%'
                JOIN hangfire.state st ON st.jobid = j.id
                GROUP BY s.session)
            SELECT s.session, extract(epoch FROM s.occurred_at_utc), extract(epoch FROM s.processed_at_utc),
                   extract(epoch FROM j.started), extract(epoch FROM sh.created_at_utc), extract(epoch FROM j.done), extract(epoch FROM d.sent_at_utc)
            FROM signed s
            LEFT JOIN jobs j ON j.session = s.session
            LEFT JOIN aftercare.sheets sh ON sh.session_id = s.session
            LEFT JOIN aftercare.deliveries d ON d.kind = 'sheet' AND d.subject_id = s.session
            """;
        var rows = new List<Row>();
        foreach (var line in (await pg.PsqlAsync(database, sql, ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split('|');
            var session = Guid.Parse(f[0]);
            if (!answered.TryGetValue(session, out var at))
            {
                continue;
            }
            double Epoch(int i) => f[i].Length == 0 ? double.NaN : double.Parse(f[i], CultureInfo.InvariantCulture);
            rows.Add(new Row(session, at, Epoch(1), Epoch(2), Epoch(3), Epoch(4), Epoch(5), Epoch(6)));
        }
        return new Stages(rows);
    }

    public string Describe()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Where the time goes ({rows.Count} sessions; each step's time from the service's own rows, in ms after the sign request was answered; median / p99):");
        md.AppendLine();
        md.AppendLine("| step | written by | median | p99 |");
        md.AppendLine("|---|---|---:|---:|");
        Line(md, "the fact written with the signature (outbox `occurred_at_utc`, before the answer)", "Sessions, in the sign request", r => r.Written);
        Line(md, "handed to Hangfire (outbox `processed_at_utc`)", "a dispatch loop (the signing instance's, woken by its commit)", r => r.Dispatched);
        Line(md, "Aftercare's job picked up (Hangfire state Processing)", "a worker of either instance", r => r.JobStarted);
        Line(md, "sheet started (`aftercare.sheets.created_at_utc`: patient and clinic read, PDF not yet rendered)", "PrepareSheetWhenSessionSigned", r => r.SheetStarted);
        Line(md, "sheet rendered and committed, sender woken (Hangfire state Succeeded)", "PrepareSheetWhenSessionSigned", r => r.JobDone);
        Line(md, "delivery marked sent (after the server's 250)", "DeliverySender", r => r.MarkedSent);
        return md.ToString();
    }

    private void Line(StringBuilder md, string step, string who, Func<Row, double> at)
    {
        var ms = rows.Select(r => (at(r) - r.Answered) * 1000).Where(v => !double.IsNaN(v)).Order().ToArray();
        md.AppendLine(ms.Length == 0
            ? $"| {step} | {who} | – | – |"
            : string.Create(CultureInfo.InvariantCulture, $"| {step} | {who} | {AftercareLatency.Percentile(ms, 0.5):0} | {AftercareLatency.Percentile(ms, 0.99):0} |"));
    }
}
