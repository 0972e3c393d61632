using System.Globalization;

namespace Needling.Load;

/// <summary>
/// What the service still owes for the facts it recorded, read from the database: facts in any module's outbox not yet
/// handed to Hangfire, and the outbox's delivery jobs (one per fact and consumer) not yet succeeded. Plus, apart, the
/// patients' e-mails that are due and not yet sent (a consumer's work after it handled a fact).
/// </summary>
internal sealed record FactBacklog(
    long Facts, long Undispatched, long FactsOwed, long JobsWaiting, long JobsRetrying, long JobsFailed, long EmailsDue)
{
    /// <summary>
    /// Facts not yet handled by every consumer: still in an outbox, or with a delivery job not yet succeeded. Zero is
    /// "drained"; a failed job keeps its fact owed (it is on the dashboard, to be retried).
    /// </summary>
    public long Owed => FactsOwed;

    /// <summary>Facts that every consumer has handled.</summary>
    public long Drained => Facts - Owed;

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Owed} facts owed of {Facts} recorded ({Undispatched} not yet handed to Hangfire; delivery jobs: {JobsWaiting} waiting or running, " +
            $"{JobsRetrying} retrying, {JobsFailed} failed); {EmailsDue} patient e-mails due and not sent");

    /// <summary>The outbox tables of every module, found once (a module with no facts has none).</summary>
    public static async Task<IReadOnlyList<string>> OutboxSchemasAsync(ThrowAwayPostgres pg, string database, CancellationToken ct) =>
        (await pg.PsqlAsync(database, "SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox' ORDER BY 1", ct))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static async Task<FactBacklog> ReadAsync(ThrowAwayPostgres pg, string database, IReadOnlyList<string> schemas, CancellationToken ct)
    {
        string Sum(string where) => schemas.Count == 0 ? "0" : string.Join(" + ", schemas.Select(s => $"(SELECT count(*) FROM {s}.outbox{where})"));
        // One statement, one snapshot. Delivery jobs are OutboxJobs.DeliverAsync; recurring jobs are not facts.
        // The state first (indexed; succeeded jobs are most of the table), then the kind of job.
        const string Jobs = "FROM hangfire.job WHERE invocationdata::text LIKE '%OutboxJobs%DeliverAsync%'";
        // A fact is owed while it waits in its outbox or any of its delivery jobs has not succeeded; counted once when
        // both (between the dispatcher's enqueue and its mark). A job's second argument is the message id, as JSON.
        var owed = string.Join(" UNION ", schemas.Select(s => $"SELECT id::text FROM {s}.outbox WHERE processed_at_utc IS NULL")
            .Append($"SELECT trim(both '\"' from arguments::json->>1) {Jobs} AND statename IN ('Enqueued', 'Processing', 'Awaiting', 'Scheduled', 'Failed')"));
        var sql = $"""
            SELECT {Sum("")}, {Sum(" WHERE processed_at_utc IS NULL")},
              (SELECT count(*) FROM ({owed}) owed),
              (SELECT count(*) {Jobs} AND statename IN ('Enqueued', 'Processing', 'Awaiting')),
              (SELECT count(*) {Jobs} AND statename = 'Scheduled'),
              (SELECT count(*) {Jobs} AND statename = 'Failed'),
              (SELECT count(*) FROM aftercare.deliveries WHERE status IN ('pending', 'sending') AND due_at_utc <= now() AT TIME ZONE 'UTC')
            """;
        var n = (await pg.PsqlAsync(database, sql.ReplaceLineEndings(" "), ct)).Trim().Split('|')
            .Select(v => long.Parse(v.Trim(), CultureInfo.InvariantCulture)).ToArray();
        return new FactBacklog(n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
    }
}
