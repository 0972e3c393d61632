using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Needling.Load;

/// <summary>
/// A PostgreSQL server of its own, as <c>tests/run.sh</c> starts one: <c>initdb</c> into a temp folder (as the
/// <c>postgres</c> user when this program runs as root), <c>pg_ctl start</c> on a free loopback port, trust
/// authentication for user <c>postgres</c>. Default settings apart from where it listens: <b>fsync and
/// synchronous_commit stay on</b>. Stopped and deleted on <see cref="DisposeAsync"/>, and by <see cref="StopAll"/>
/// from a signal handler.
/// </summary>
internal sealed class ThrowAwayPostgres : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, ThrowAwayPostgres> Live = new();
    private readonly bool asPostgresUser;
    private readonly Lock stopping = new();
    private bool stopped;

    private ThrowAwayPostgres(string binDir, string dataDir, int port, bool asPostgresUser)
    {
        BinDir = binDir;
        DataDir = dataDir;
        Port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public string BinDir { get; }

    public string DataDir { get; }

    public int Port { get; }

    public string Version { get; private set; } = "";

    /// <summary>PID of the postmaster (first line of postmaster.pid).</summary>
    public int PostmasterPid { get; private set; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database}";

    /// <summary>The newest PostgreSQL 15+ server under /usr/lib/postgresql, preferring 15 (what the tests and the issue name).</summary>
    public static string FindBinDir()
    {
        var dirs = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: Path.Combine(d, "bin"), Major: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
                .Where(d => d.Major >= 15 && File.Exists(Path.Combine(d.Dir, "initdb")) && File.Exists(Path.Combine(d.Dir, "pgbench")))
                .OrderBy(d => d.Major == 15 ? 0 : 1).ThenByDescending(d => d.Major)
                .ToList()
            : [];
        return dirs.Count > 0
            ? dirs[0].Dir
            : throw new InvalidOperationException(
                "No PostgreSQL 15+ server with pgbench under /usr/lib/postgresql/*/bin. Install it: apt-get install postgresql-15 postgresql-contrib");
    }

    public static async Task<ThrowAwayPostgres> StartAsync(CancellationToken ct)
    {
        var bin = FindBinDir();
        var asPostgres = Environment.UserName == "root";
        var dataDir = Directory.CreateTempSubdirectory("needling-bench-pg-").FullName;
        var pg = new ThrowAwayPostgres(bin, dataDir, FreePort(), asPostgres);
        Live[dataDir] = pg;
        try
        {
            if (asPostgres)
            {
                await RunAsync("chown", ["postgres", dataDir], ct);
            }
            await pg.RunPgAsync("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], ct);
            // Only where it listens is set: loopback, a free port, its socket in its own folder. Nothing else (fsync stays on),
            // but what NEEDLING_BENCH_PG_OPTIONS adds for an experiment (e.g. "-c shared_preload_libraries=pg_stat_statements").
            var extra = Environment.GetEnvironmentVariable("NEEDLING_BENCH_PG_OPTIONS") is { Length: > 0 } o ? " " + o : "";
            await pg.RunPgAsync("pg_ctl",
            [
                "-D", dataDir, "-l", Path.Combine(dataDir, "server.log"), "-w", "-t", "60",
                "-o", $"-c listen_addresses=127.0.0.1 -p {pg.Port.ToString(CultureInfo.InvariantCulture)} -k {dataDir}{extra}", "start",
            ], ct);
            pg.PostmasterPid = int.Parse(File.ReadLines(Path.Combine(dataDir, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
            pg.Version = (await pg.PsqlAsync("postgres", "SHOW server_version", ct)).Trim();
            return pg;
        }
        catch
        {
            await pg.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs SQL with psql (stops at the first error); returns what it printed, unaligned, tuples only.</summary>
    public Task<string> PsqlAsync(string database, string sql, CancellationToken ct) =>
        RunAsync(Path.Combine(BinDir, "psql"),
        [
            "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-U", "postgres", "-d", database, "-c", sql,
        ], ct);

    /// <summary>
    /// CPU time (user + system, ms) the server has used so far: every live postgres process, plus what the postmaster
    /// collected from the ones that exited (cutime + cstime), so backends of closed connections still count.
    /// </summary>
    public double ReadCpuMs()
    {
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                var f = ProcStat.Fields(pid);
                var ppid = int.Parse(f[1], CultureInfo.InvariantCulture);
                if (pid == PostmasterPid)
                {
                    ticks += ProcStat.Ticks(f, 11) + ProcStat.Ticks(f, 12) + ProcStat.Ticks(f, 13) + ProcStat.Ticks(f, 14);
                }
                else if (ppid == PostmasterPid)
                {
                    ticks += ProcStat.Ticks(f, 11) + ProcStat.Ticks(f, 12);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while we read it.
            }
        }
        return ticks * 10.0;
    }

    public string LogTail(int lines = 40)
    {
        var path = Path.Combine(DataDir, "server.log");
        return File.Exists(path) ? string.Join(Environment.NewLine, File.ReadLines(path).TakeLast(lines)) : "";
    }

    public async ValueTask DisposeAsync()
    {
        await Task.Run(() => StopAndDelete("fast"));
    }

    /// <summary>Stops every server this program started (immediate shutdown) and deletes its folder; for signal handlers.</summary>
    public static void StopAll()
    {
        foreach (var pg in Live.Values)
        {
            pg.StopAndDelete("immediate");
        }
    }

    /// <summary>Stops the server and deletes its folder, once; a second caller (the signal handler and the finally block) waits for the first.</summary>
    private void StopAndDelete(string mode)
    {
        lock (stopping)
        {
            if (stopped)
            {
                return;
            }
            var pidFile = Path.Combine(DataDir, "postmaster.pid");
            if (PostmasterPid == 0 && File.Exists(pidFile))
            {
                // Started, but StartAsync failed before it read the PID.
                PostmasterPid = int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0;
            }
            if (PostmasterPid != 0)
            {
                Stop(mode);
            }
            DeleteFolder();
            stopped = true;
        }
    }

    private void Stop(string mode)
    {
        try
        {
            var (file, args) = Command("pg_ctl", ["-D", DataDir, "-m", mode, "-w", "-t", "30", "stop"]);
            using var p = Process.Start(Start(file, args))!;
            var output = p.StandardOutput.ReadToEndAsync();
            var errors = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(35_000) || p.ExitCode != 0)
            {
                Console.Error.WriteLine($"pg_ctl stop ({mode}) did not succeed: {errors.Result}{output.Result}");
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            Console.Error.WriteLine($"Could not run pg_ctl stop for {DataDir}: {e.Message}");
        }
        // Whatever pg_ctl said: the postmaster must be gone before its folder is deleted (SIGQUIT is PostgreSQL's immediate shutdown).
        if (IsRunning(PostmasterPid))
        {
            Signal("QUIT", PostmasterPid);
            for (var i = 0; i < 40 && IsRunning(PostmasterPid); i++)
            {
                Thread.Sleep(250);
            }
            if (IsRunning(PostmasterPid))
            {
                Signal("KILL", PostmasterPid);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            // A zombie (state Z) has exited; it only waits for its parent.
            return ProcStat.Fields(pid)[0] != "Z";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void Signal(string signal, int pid)
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { $"-{signal}", pid.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false });
            kill?.WaitForExit(5000);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine($"Could not send SIG{signal} to PostgreSQL (pid {pid}): {e.Message}");
        }
    }

    /// <summary>Deletes the data folder once the server is down; a backend may still be writing a moment after pg_ctl returns.</summary>
    private void DeleteFolder()
    {
        for (var attempt = 1; Directory.Exists(DataDir); attempt++)
        {
            try
            {
                Directory.Delete(DataDir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (attempt == 20)
                {
                    Console.Error.WriteLine($"Could not delete {DataDir}: {e.Message}");
                    break;
                }
                Thread.Sleep(250);
            }
        }
        Live.TryRemove(DataDir, out _);
    }

    private Task<string> RunPgAsync(string tool, IReadOnlyList<string> args, CancellationToken ct)
    {
        var (file, all) = Command(tool, args);
        return RunAsync(file, all, ct);
    }

    /// <summary>A server tool, as the postgres user when we are root (initdb and postgres refuse to run as root).</summary>
    private (string File, IReadOnlyList<string> Args) Command(string tool, IReadOnlyList<string> args) =>
        asPostgresUser
            ? ("runuser", ["-u", "postgres", "--", Path.Combine(BinDir, tool), .. args])
            : (Path.Combine(BinDir, tool), args);

    private static ProcessStartInfo Start(string file, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        info.Environment.Remove("PGPASSWORD");
        info.Environment.Remove("PGOPTIONS");
        return info;
    }

    internal static async Task<string> RunAsync(string file, IReadOnlyList<string> args, CancellationToken ct)
    {
        using var p = Process.Start(Start(file, args)) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        var output = await stdout;
        var errors = await stderr;
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {string.Join(' ', args)} exited with {p.ExitCode}:{Environment.NewLine}{errors}{output}");
        }
        return output;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>/proc/PID/stat and /proc/stat, for CPU time per process and for the whole machine (USER_HZ = 100).</summary>
internal static class ProcStat
{
    /// <summary>The fields after "(comm)": [0] state, [1] ppid, ..., [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    public static string[] Fields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    public static long Ticks(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);

    /// <summary>User + system CPU of one process, ms; with <paramref name="children"/>, also of its waited-for children.</summary>
    public static double CpuMs(int pid, bool children = false)
    {
        var f = Fields(pid);
        var ticks = Ticks(f, 11) + Ticks(f, 12) + (children ? Ticks(f, 13) + Ticks(f, 14) : 0);
        return ticks * 10.0;
    }

    /// <summary>The whole machine since boot: (busy, total) in ms of CPU, over every core; busy excludes idle and iowait.</summary>
    public static (double BusyMs, double TotalMs) Machine()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = cpu.Sum();
        var idle = cpu[3] + cpu[4];
        return ((total - idle) * 10.0, total * 10.0);
    }
}

/// <summary>CPU used during one phase: the machine, the service, PostgreSQL, this program and its children.</summary>
internal sealed class CpuMeter
{
    private readonly ThrowAwayPostgres pg;
    private readonly int? servicePid;
    private readonly long startedAt = Stopwatch.GetTimestamp();
    private readonly (double Busy, double Total) machine0;
    private readonly double pg0;
    private readonly double service0;
    private readonly double self0;
    private readonly double children0;

    public CpuMeter(ThrowAwayPostgres pg, int? servicePid)
    {
        this.pg = pg;
        this.servicePid = servicePid;
        machine0 = ProcStat.Machine();
        pg0 = pg.ReadCpuMs();
        service0 = servicePid is { } s ? ProcStat.CpuMs(s) : 0;
        self0 = ProcStat.CpuMs(Environment.ProcessId);
        children0 = ChildrenMs();
    }

    public sealed record Usage(double Seconds, double MachineBusyMs, double MachineTotalMs, double PostgresMs, double ServiceMs, double SelfMs, double ChildrenMs)
    {
        /// <summary>Cores busy on average (idle and iowait excluded), over the whole machine.</summary>
        public double MachineCores => MachineBusyMs / (Seconds * 1000);

        public int Cores => (int)Math.Round(MachineTotalMs / (Seconds * 1000));

        /// <summary>Busy CPU that none of ours explains: other sessions' builds and tests, the kernel's own threads.</summary>
        public double OthersMs => Math.Max(0, MachineBusyMs - OursMs);

        /// <summary>CPU of our own processes (PostgreSQL, service, this program and its children), other sessions' left out.</summary>
        public double OursMs => PostgresMs + ServiceMs + SelfMs + ChildrenMs;

        public string Describe(double perOperations, string unit) =>
            new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"machine busy {MachineCores:0.00} of {Cores} cores over {Seconds:0.0} s; CPU ms per {unit}: ")
                .Append(CultureInfo.InvariantCulture, $"PostgreSQL {PostgresMs / perOperations:0.00}")
                .Append(ServiceMs > 0 ? string.Create(CultureInfo.InvariantCulture, $", service {ServiceMs / perOperations:0.00}") : "")
                .Append(CultureInfo.InvariantCulture, $", load program {SelfMs / perOperations:0.00}")
                .Append(ChildrenMs > 0 ? string.Create(CultureInfo.InvariantCulture, $", its psql and pgbench {ChildrenMs / perOperations:0.00}") : "")
                .Append(CultureInfo.InvariantCulture, $", everything else on the machine {OthersMs / perOperations:0.00}")
                .ToString();
    }

    public Usage Stop()
    {
        var machine1 = ProcStat.Machine();
        return new Usage(
            Stopwatch.GetElapsedTime(startedAt).TotalSeconds,
            machine1.BusyMs - machine0.Busy,
            machine1.TotalMs - machine0.Total,
            pg.ReadCpuMs() - pg0,
            servicePid is { } s ? ProcStat.CpuMs(s) - service0 : 0,
            ProcStat.CpuMs(Environment.ProcessId) - self0,
            ChildrenMs() - children0);
    }

    /// <summary>This program's waited-for children (pgbench, psql), from /proc/self/stat's cutime + cstime.</summary>
    private static double ChildrenMs()
    {
        var f = ProcStat.Fields(Environment.ProcessId);
        return (ProcStat.Ticks(f, 13) + ProcStat.Ticks(f, 14)) * 10.0;
    }
}
