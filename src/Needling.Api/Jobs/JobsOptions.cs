namespace Needling.Api.Jobs;

/// <summary>Hangfire's settings, from the "Jobs" configuration section.</summary>
internal sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Jobs run at once by this instance. Ours wait on the database more than they compute: twice the cores, at most 8.</summary>
    public int Workers { get; set; } = Math.Clamp(Environment.ProcessorCount * 2, 2, 8);

    /// <summary>Days that processed outbox messages, inbox records and idempotency keys are kept.</summary>
    public int RetentionDays { get; set; } = Needling.SharedKernel.Outbox.RetentionJobs.DefaultRetentionDays;

    /// <summary>Retries of a failed job before it stays failed (on the dashboard, where an Admin can retry it).</summary>
    public int RetryAttempts { get; set; } = 10;

    /// <summary>Delay before the first retry; each next one doubles, up to an hour (10 attempts: about 4.5 hours in all).</summary>
    public int FirstRetryDelaySeconds { get; set; } = 15;

    /// <summary>How often the server looks for scheduled jobs (retries) that are due, and SQLite's queue is polled.</summary>
    public int PollingSeconds { get; set; } = 5;

    public TimeSpan RetryDelay(long attempt) =>
        TimeSpan.FromSeconds(Math.Min(3600, FirstRetryDelaySeconds * Math.Pow(2, Math.Max(0, attempt - 1))));
}
