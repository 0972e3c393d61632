using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Needling.Load;

// Measures the built service (not a test; see docs/benchmarks.md, "Service: cold start and memory"):
//  1. cold start on SQLite (fresh data folder) and warm restart (same folder): process start -> first 200 from /health/ready;
//  2. memory (VmRSS) at rest, during a bounded load from N workers, and after it; plus throughput and latency.
// With --bookings instead: bookings per second through HTTP on a throw-away PostgreSQL, next to pgbench's raw insert rate.
// With --aftercare: signing a session to the SMTP server's acceptance of its aftercare e-mail, two instances on PostgreSQL.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

const double ColdStartGoalMs = 2000;
const double MemoryGoalMb = 250;
const double Mb = 1024 * 1024;

if (!OperatingSystem.IsLinux())
{
    Console.Error.WriteLine("Needling.Load reads memory from /proc and runs on Linux only.");
    return 2;
}
var options = Options.Parse(args, Console.Error);
if (options is null)
{
    return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
}

using var cts = new CancellationTokenSource();
var ct = cts.Token;
// Never leave a service running: Ctrl-C, SIGTERM, SIGHUP and normal exit all stop them.
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
    ServerProcess.KillAll();
};
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onHup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
AppDomain.CurrentDomain.ProcessExit += (_, _) => ServerProcess.KillAll();
AppDomain.CurrentDomain.UnhandledException += (_, _) => ServerProcess.KillAll();

var tempFolders = new List<string>();
try
{
    Console.WriteLine($"Service:  {options.ApiDll}");
    WarnIfStale(options);
    Console.WriteLine($"Machine:  {Environment.ProcessorCount} cores, {TotalMemoryGb():0.0} GB RAM, {RuntimeInformation.OSDescription}, " +
                      $"load average {LoadAverage()}; this program runs on .NET {Environment.Version}");
    Console.WriteLine();

    if (options.Bookings)
    {
        // Booking throughput on PostgreSQL (BookingBenchmark.cs): its own PostgreSQL server and service, stopped on exit too.
        return await BookingBenchmark.RunAsync(options, ct);
    }
    if (options.Aftercare)
    {
        // Signing to SMTP acceptance on two instances (AftercareLatency.cs): its own PostgreSQL, SMTP server and services.
        return await AftercareLatency.RunAsync(options, ct);
    }

    using var poll = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };

    // 1. Cold start and warm restart.
    Console.WriteLine("Warm-up run (not counted: loads the runtime's files into the page cache)...");
    {
        var folder = NewDataFolder();
        await using var warmUp = ServerProcess.Start(options.ApiDll, folder, options.ServerLog);
        var t = await warmUp.WaitReadyAsync(poll, TimeSpan.FromSeconds(60), ct);
        Console.WriteLine($"  warm-up: {t.TotalMilliseconds:0} ms (service CPU {warmUp.ReadCpuMs():0} ms)");
    }

    var cold = new List<double>();
    var warm = new List<double>();
    var coldCpu = new List<double>();
    var warmCpu = new List<double>();
    var startErrors = 0;
    for (var run = 1; run <= options.Runs; run++)
    {
        var folder = NewDataFolder();
        await using (var server = ServerProcess.Start(options.ApiDll, folder, options.ServerLog))
        {
            var t = await server.WaitReadyAsync(poll, TimeSpan.FromSeconds(60), ct);
            cold.Add(t.TotalMilliseconds);
            coldCpu.Add(server.ReadCpuMs());
            startErrors += server.ErrorLines;
            PrintErrors(server, $"cold start {run}");
        }
        await using (var server = ServerProcess.Start(options.ApiDll, folder, options.ServerLog))
        {
            var t = await server.WaitReadyAsync(poll, TimeSpan.FromSeconds(60), ct);
            warm.Add(t.TotalMilliseconds);
            warmCpu.Add(server.ReadCpuMs());
            startErrors += server.ErrorLines;
            PrintErrors(server, $"warm restart {run}");
        }
        Console.WriteLine($"  run {run}: cold start {cold[^1]:0} ms (service CPU {coldCpu[^1]:0} ms), warm restart {warm[^1]:0} ms (CPU {warmCpu[^1]:0} ms)");
        DeleteFolder(folder);
    }
    Console.WriteLine();

    // 2. Memory at rest, under load, and after.
    Console.WriteLine($"Memory: starting the demo clinic, then {options.IdleSeconds} s idle, {options.DurationSeconds} s of load from {options.Clients} workers...");
    var dataFolder = NewDataFolder();
    await using var service = ServerProcess.Start(options.ApiDll, dataFolder, options.ServerLog);
    var readyAfter = await service.WaitReadyAsync(poll, TimeSpan.FromSeconds(60), ct);
    var atReady = service.ReadMemory();

    using var client = new HttpClient(new SocketsHttpHandler
    {
        UseProxy = false,
        MaxConnectionsPerServer = options.Clients,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        BaseAddress = service.BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };
    var token = await SignInAsync(client, "reception", ct);
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    var tanakaId = await FindPractitionerAsync(client, "Dr Aiko Tanaka", ct);

    await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds), ct);
    var atRest = service.ReadMemory();
    Console.WriteLine($"  ready after {readyAfter.TotalMilliseconds:0} ms; RSS at ready {atReady.RssMb:0.0} MB ({atReady.Details})");
    Console.WriteLine($"  RSS at rest {atRest.RssMb:0.0} MB ({atRest.Details})");

    var samples = new List<MemorySample>();
    using var loadDone = CancellationTokenSource.CreateLinkedTokenSource(ct);
    var sampler = Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            do
            {
                if (service.HasExited)
                {
                    return;
                }
                samples.Add(service.ReadMemory());
            }
            while (await timer.WaitForNextTickAsync(loadDone.Token));
        }
        catch (OperationCanceledException)
        {
            // The load is over.
        }
    }, CancellationToken.None);
    var load = await new LoadRun(client, tanakaId, options.Clients, TimeSpan.FromSeconds(options.DurationSeconds)).RunAsync(ct);
    await loadDone.CancelAsync();
    await sampler;
    samples.Add(service.ReadMemory());
    var peak = samples.MaxBy(m => m.Rss)!;

    await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds), ct);
    var after = service.ReadMemory();
    // VmHWM is the kernel's own lifetime peak, so a spike between two samples (or after the load) still counts.
    var hwm = after.Hwm;
    var peakMb = Math.Max(peak.RssMb, hwm / Mb);
    var serverAlive = !service.HasExited;
    var loadErrors = service.ErrorLines;
    Console.WriteLine($"  load: {load.Total} requests in {load.Elapsed.TotalSeconds:0.0} s; peak RSS {peak.RssMb:0.0} MB of {samples.Count} samples ({peak.Details})");
    Console.WriteLine($"  RSS after load + {options.IdleSeconds} s {after.RssMb:0.0} MB ({after.Details}); VmHWM {hwm / Mb:0.0} MB");
    PrintErrors(service, "memory and load");
    await service.StopAsync();
    DeleteFolder(dataFolder);

    // 3. Report.
    var coldMedian = Median(cold);
    var coldOk = coldMedian <= ColdStartGoalMs;
    var memoryOk = peakMb <= MemoryGoalMb && atRest.RssMb <= MemoryGoalMb && after.RssMb <= MemoryGoalMb;
    var requestsOk = load.Failed == 0 && serverAlive;

    var md = new StringBuilder();
    md.AppendLine(CultureInfo.InvariantCulture, $"Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Machine: {Environment.ProcessorCount} cores, {TotalMemoryGb():0.0} GB RAM, " +
                                                $"{RuntimeInformation.OSDescription}; load average {LoadAverage()} at the end.");
    md.AppendLine();
    md.AppendLine("| measurement | result | goal | |");
    md.AppendLine("|---|---:|---:|---|");
    md.AppendLine(CultureInfo.InvariantCulture, $"| cold start, empty data folder → first 200 from /health/ready ({cold.Count} runs, min / **median** / max) | {cold.Min():0} / **{coldMedian:0}** / {cold.Max():0} ms | median < {ColdStartGoalMs:0} ms | {Mark(coldOk)} |");
    md.AppendLine(CultureInfo.InvariantCulture, $"| warm restart, same data folder ({warm.Count} runs, min / **median** / max) | {warm.Min():0} / **{Median(warm):0}** / {warm.Max():0} ms | | |");
    md.AppendLine(CultureInfo.InvariantCulture, $"| CPU time the service used until ready (user + system; median cold / warm) | {Median(coldCpu):0} / {Median(warmCpu):0} ms | | |");
    md.AppendLine(CultureInfo.InvariantCulture, $"| RSS at ready (demo clinic loaded) | {atReady.RssMb:0.0} MB | | |");
    md.AppendLine(CultureInfo.InvariantCulture, $"| RSS at rest (signed in, {options.IdleSeconds} s idle) | {atRest.RssMb:0.0} MB | < {MemoryGoalMb:0} MB | {Mark(atRest.RssMb <= MemoryGoalMb)} |");
    md.AppendLine(CultureInfo.InvariantCulture, $"| RSS peak (VmHWM, the kernel's peak over the whole run; highest of {samples.Count} samples every 250 ms: {peak.RssMb:0.0} MB) | {peakMb:0.0} MB | < {MemoryGoalMb:0} MB | {Mark(peakMb <= MemoryGoalMb)} |");
    md.AppendLine(CultureInfo.InvariantCulture, $"| RSS after load + {options.IdleSeconds} s | {after.RssMb:0.0} MB | < {MemoryGoalMb:0} MB | {Mark(after.RssMb <= MemoryGoalMb)} |");
    md.AppendLine(CultureInfo.InvariantCulture, $"| at rest: {atRest.Details} | | | |");
    md.AppendLine(CultureInfo.InvariantCulture, $"| at the sampled peak: {peak.Details} | | | |");
    md.AppendLine(CultureInfo.InvariantCulture, $"| requests that were not 2xx (or got no answer) | {load.Failed} of {load.Total} | 0 | {Mark(load.Failed == 0)} |");
    md.AppendLine(CultureInfo.InvariantCulture, $"| errors the service logged (fail/crit), start-ups and load | {startErrors + loadErrors} | | |");
    md.AppendLine();
    md.AppendLine(CultureInfo.InvariantCulture, $"Load: {options.Clients} workers for {options.DurationSeconds} s ({load.Elapsed.TotalSeconds:0.0} s with the last answers), " +
                                                $"{load.Total} requests, **{load.PerSecond:0} requests/s**; latency measured by the client, body read in full.");
    md.AppendLine();
    md.AppendLine("| request | share | count | requests/s | p50 ms | p99 ms | max ms | not 2xx |");
    md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var k in load.Kinds)
    {
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| {Describe(k.Kind)} | {100.0 * k.Count / Math.Max(1, load.Total):0}% | {k.Count} | {k.PerSecond:0.0} | {k.P50Ms:0.0} | {k.P99Ms:0.0} | {k.MaxMs:0} | {k.Failed} |");
    }

    Console.WriteLine();
    Console.WriteLine(md.ToString());
    if (load.Failures.Count > 0)
    {
        Console.WriteLine($"Failed requests ({load.Failed}; the first {load.Failures.Count}):");
        foreach (var group in load.Failures.GroupBy(f => (f.Kind, f.Status)))
        {
            Console.WriteLine($"  {group.Count(),4} × {Describe(group.Key.Kind)} → {group.Key.Status}: {group.First().Body}");
        }
    }
    if (!serverAlive)
    {
        Console.WriteLine("The service died during the load.");
    }

    var allOk = coldOk && memoryOk && requestsOk;
    Console.WriteLine(allOk
        ? "All goals met."
        : $"Goal missed:{(coldOk ? "" : " cold start")}{(memoryOk ? "" : " memory")}{(requestsOk ? "" : " failed requests")}.");
    return allOk ? 0 : 1;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted; every service this program started is stopped.");
    return 130;
}
catch (Exception e)
{
    Console.Error.WriteLine($"Failed: {e}");
    return 2;
}
finally
{
    ServerProcess.KillAll();
    foreach (var folder in tempFolders)
    {
        DeleteFolder(folder);
    }
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    cts.Cancel();
    ServerProcess.KillAll();
}

string NewDataFolder()
{
    var folder = Directory.CreateTempSubdirectory("needling-load-").FullName;
    tempFolders.Add(folder);
    return folder;
}

static void DeleteFolder(string folder)
{
    try
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
    catch (IOException)
    {
        // Best effort: it is under the temp folder.
    }
}

static async Task<string> SignInAsync(HttpClient client, string username, CancellationToken ct)
{
    using var response = await client.PostAsJsonAsync("auth/token", new { username, password = "demo-password-1" }, ct);
    var body = await response.Content.ReadAsStringAsync(ct);
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"Sign-in as {username} answered {(int)response.StatusCode}: {body}");
    }
    using var doc = JsonDocument.Parse(body);
    return doc.RootElement.GetProperty("accessToken").GetString()!;
}

static async Task<Guid> FindPractitionerAsync(HttpClient client, string displayName, CancellationToken ct)
{
    using var response = await client.GetAsync("practitioners", ct);
    var body = await response.Content.ReadAsStringAsync(ct);
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"GET /practitioners answered {(int)response.StatusCode}: {body}");
    }
    using var doc = JsonDocument.Parse(body);
    foreach (var p in doc.RootElement.EnumerateArray())
    {
        if (p.GetProperty("displayName").GetString() == displayName)
        {
            return p.GetProperty("id").GetGuid();
        }
    }
    throw new InvalidOperationException($"The demo clinic has no practitioner called {displayName}.");
}

static void PrintErrors(ServerProcess server, string when)
{
    if (server.ErrorLines > 0)
    {
        Console.WriteLine($"  The service logged {server.ErrorLines} error(s) during {when}:");
        foreach (var line in server.Errors.Take(40))
        {
            Console.WriteLine($"    {line}");
        }
    }
}

static void WarnIfStale(Options options)
{
    var built = File.GetLastWriteTimeUtc(options.ApiDll);
    var src = Path.Combine(options.RepoRoot, "src");
    if (!Directory.Exists(src))
    {
        return;
    }
    var newer = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Count(f => File.GetLastWriteTimeUtc(f) > built);
    if (newer > 0)
    {
        Console.WriteLine($"Warning:  {newer} source file(s) under src/ are newer than the build ({built:yyyy-MM-dd HH:mm} UTC); " +
                          "run `dotnet build -c Release src/Needling.Api` to measure the current code.");
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static string Mark(bool ok) => ok ? "met" : "**MISSED**";

static string Describe(RequestKind kind) => kind switch
{
    RequestKind.RegisterPatient => "POST /patients (register)",
    RequestKind.SearchPatients => "POST /patients/search (by name)",
    RequestKind.RecordScreening => "POST /patients/{id}/screening",
    RequestKind.ListPractitioners => "GET /practitioners",
    RequestKind.CheckEligibility => "POST /eligibility (MN-PEN)",
    _ => kind.ToString(),
};

static double TotalMemoryGb()
{
    var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
    return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
}

static string LoadAverage() =>
    string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
