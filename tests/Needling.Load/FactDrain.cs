using System.Globalization;

namespace Needling.Load;

/// <summary>The open-loop phase: bookings offered at a fixed rate, and whether the facts they record drain as fast.</summary>
internal sealed record OpenLoopResult(
    double OfferedPerSecond, BookingPhase Phase, FactBacklog Before, FactBacklog AtEnd, FactBacklog AfterRest, double? DrainSeconds,
    IReadOnlyList<long> OwedPerSecond, CpuMeter.Usage Cpu, int RestSeconds)
{
    public double ArrivedPerSecond => (AtEnd.Facts - Before.Facts) / Phase.Elapsed.TotalSeconds;

    public double DrainedPerSecond => (AtEnd.Drained - Before.Drained) / Phase.Elapsed.TotalSeconds;

    /// <summary>
    /// The goal: facts drain at least as fast as they arrive. What is still owed at the end may be no more than what
    /// arrives in one second (the facts of the last second's bookings are on their way, not behind), and nothing is
    /// owed after the rest.
    /// </summary>
    public bool KeptUp => AtEnd.Owed - Before.Owed <= Math.Ceiling(ArrivedPerSecond) && AfterRest.Owed == 0;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Phase.Booked} booked of {Phase.Requests} offered at {OfferedPerSecond:0}/s in {Phase.Elapsed.TotalSeconds:0.0} s " +
        $"(latency from when each was due: p50 {Phase.Percentile(0.50):0.0}, p99 {Phase.Percentile(0.99):0.0}, max {Phase.MaxMs:0} ms; {Phase.Failed} not 201); " +
        $"facts arrived {ArrivedPerSecond:0.0}/s and drained {DrainedPerSecond:0.0}/s; owed at the start {Before.Owed}, at the end {AtEnd.Owed}, " +
        $"after {RestSeconds} s of rest {AfterRest.Owed}{(DrainSeconds is { } d ? $" (none owed {d:0.0} s after the bookings stopped)" : "")}");
}

internal static class FactDrain
{
    // Not faster: reading the backlog is itself a query on every job of the run.
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Waits <paramref name="restSeconds"/> with no bookings and reads what is owed then; meanwhile notes when nothing
    /// was owed any more (and, if something still is after the rest, goes on waiting for that, up to <paramref name="giveUpSeconds"/>).
    /// </summary>
    public static async Task<(FactBacklog AfterRest, double? DrainSeconds, FactBacklog Final)> RestAndDrainAsync(
        ThrowAwayPostgres pg, string database, IReadOnlyList<string> schemas, int restSeconds, FactBacklog atEnd, CancellationToken ct, int giveUpSeconds = 120)
    {
        var giveUp = TimeSpan.FromSeconds(giveUpSeconds);
        var started = DateTime.UtcNow;
        double? drained = atEnd.Owed == 0 ? 0 : null;
        while (drained is null && DateTime.UtcNow - started < TimeSpan.FromSeconds(restSeconds))
        {
            await Task.Delay(Poll, ct);
            if ((await FactBacklog.ReadAsync(pg, database, schemas, ct)).Owed == 0)
            {
                drained = (DateTime.UtcNow - started).TotalSeconds;
            }
        }
        var restLeft = TimeSpan.FromSeconds(restSeconds) - (DateTime.UtcNow - started);
        if (restLeft > TimeSpan.Zero)
        {
            await Task.Delay(restLeft, ct);
        }
        var afterRest = await FactBacklog.ReadAsync(pg, database, schemas, ct);
        Console.WriteLine($"Facts after {restSeconds} s of rest: {afterRest.Describe()}.");
        var final = afterRest;
        while (drained is null && DateTime.UtcNow - started < giveUp)
        {
            await Task.Delay(Poll, ct);
            final = await FactBacklog.ReadAsync(pg, database, schemas, ct);
            if (final.Owed == 0)
            {
                drained = (DateTime.UtcNow - started).TotalSeconds;
            }
        }
        Console.WriteLine(drained is { } d ? $"  none owed {d:0.0} s after the bookings stopped." : $"  still owed after {giveUp.TotalSeconds:0} s.");
        return (afterRest, drained, final);
    }

    public static async Task<OpenLoopResult> OpenLoopAsync(
        BookingLoad load, ThrowAwayPostgres pg, string database, IReadOnlyList<string> schemas, int servicePid, Options options, CancellationToken ct)
    {
        Console.WriteLine($"Open loop: {options.OpenRate} bookings a second for {options.OpenSeconds} s, whatever the answers...");
        var before = await FactBacklog.ReadAsync(pg, database, schemas, ct);
        var owed = new List<long>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                owed.Add((await FactBacklog.ReadAsync(pg, database, schemas, stop.Token)).Owed);
            }
        }, CancellationToken.None);
        var cpu = new CpuMeter(pg, servicePid);
        var phase = await load.RunOpenLoopAsync(options.OpenRate, TimeSpan.FromSeconds(options.OpenSeconds), ct);
        var usage = cpu.Stop();
        await stop.CancelAsync();
        try
        {
            await sampler;
        }
        catch (OperationCanceledException)
        {
            // The sampler stops with the phase.
        }
        var atEnd = await FactBacklog.ReadAsync(pg, database, schemas, ct);
        Console.WriteLine($"Facts when the open loop ended: {atEnd.Describe()}.");
        var (afterRest, drainSeconds, _) = await RestAndDrainAsync(pg, database, schemas, options.RestSeconds, atEnd, ct);
        var result = new OpenLoopResult(options.OpenRate, phase, before, atEnd, afterRest, drainSeconds, owed, usage, options.RestSeconds);
        Console.WriteLine($"  {result.Describe()}");
        Console.WriteLine($"  facts owed, each second of the open loop: {string.Join(' ', owed)}");
        Console.WriteLine($"  {usage.Describe(Math.Max(1, phase.Requests), "booking")}");
        return result;
    }
}
