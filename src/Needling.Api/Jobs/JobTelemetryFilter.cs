using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hangfire.Server;

namespace Needling.Api.Jobs;

/// <summary>
/// A span, a count and a duration per Hangfire job run, named by the job's class and method. Job arguments are
/// message ids and consumer names; they are not recorded all the same, nor exception messages (they may name patients).
/// </summary>
internal sealed class JobTelemetryFilter : IServerFilter
{
    public const string Name = "Needling.Jobs";
    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Performed = Meter.CreateCounter<long>("needling.jobs.performed", "{job}", "Background jobs run, by job and outcome.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("needling.job.duration", "s", "Time one background job ran.");
    private const string ActivityKey = "needling.activity";
    private const string StartedKey = "needling.started";

    public void OnPerforming(PerformingContext context)
    {
        var activity = Source.StartActivity($"job {JobName(context)}", ActivityKind.Internal);
        activity?.SetTag("needling.job.id", context.BackgroundJob.Id);
        context.Items[ActivityKey] = activity;
        context.Items[StartedKey] = Stopwatch.GetTimestamp();
    }

    public void OnPerformed(PerformedContext context)
    {
        var outcome = context.Exception is null ? "succeeded" : context.Canceled ? "cancelled" : "failed";
        if (context.Items.TryGetValue(ActivityKey, out var value) && value is Activity activity)
        {
            if (context.Exception is { } e)
            {
                activity.SetStatus(ActivityStatusCode.Error, (e.InnerException ?? e).GetType().Name);
            }
            activity.Dispose();
        }
        var tags = new TagList { { "needling.job", JobName(context) }, { "needling.outcome", outcome } };
        Performed.Add(1, tags);
        if (context.Items.TryGetValue(StartedKey, out var started) && started is long timestamp)
        {
            Duration.Record(Stopwatch.GetElapsedTime(timestamp).TotalSeconds, tags);
        }
    }

    private static string JobName(PerformContext context) =>
        $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";
}
