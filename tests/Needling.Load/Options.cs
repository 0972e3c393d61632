using System.Globalization;

namespace Needling.Load;

/// <summary>Command-line options: <c>--runs 5 --duration 30 --clients 32</c> and a few more (see <see cref="Usage"/>).</summary>
internal sealed record Options(
    string ApiDll, string RepoRoot, int Runs, int DurationSeconds, int Clients, int IdleSeconds, bool ServerLog,
    bool Bookings = false, int WarmupSeconds = 5, int PgbenchSeconds = 20, int PatientsPerClient = 400, string DbOptions = "",
    bool Quick = false, int OpenRate = 100, int OpenSeconds = 30, int RestSeconds = 30,
    bool Aftercare = false, int Sessions = 200, double SignRate = 5, int MailTimeoutSeconds = 180)
{
    public const string Usage = """
        Needling.Load: the service's cold start on SQLite and its memory at rest and under load.

        Build the service first, then run this from the repository root:
          dotnet build -c Release src/Needling.Api
          dotnet run -c Release --project tests/Needling.Load -- --runs 5 --duration 30 --clients 32

        Options:
          --runs N         cold starts (fresh data folder) and warm restarts to time (default 5)
          --duration S     seconds of load (default 30)
          --clients N      concurrent HTTP workers during the load (default 32)
          --idle S         seconds of quiet before each "at rest" reading (default 5)
          --api PATH       the service's Needling.Api.dll
                           (default src/Needling.Api/bin/Release/net10.0/Needling.Api.dll under the repository root)
          --server-log     echo the service's console output, each line prefixed with ms since process start
          --help           this text

        Booking throughput on PostgreSQL (docs/benchmarks.md, "Booking throughput (PostgreSQL)"):
          dotnet run -c Release --project tests/Needling.Load -- --bookings --clients 32 --duration 30
        starts its own throw-away PostgreSQL server (default settings, fsync on), books through POST /appointments
        from --clients workers for --duration seconds after a warm-up, then measures the same server's raw insert
        rate with pgbench. Options of this mode:
          --bookings       run this benchmark instead of the cold-start and memory one
          --warmup S       seconds of booking before the measured ones (default 5)
          --pgbench S      seconds of each pgbench run (default 20)
          --patients N     patients registered per worker before the load, one per booking (default 400)
          --db-options S   appended to the service's connection string, for experiments
                           (e.g. "No Reset On Close=true;Max Auto Prepare=50"); default none
          --quick          stop after the measured bookings (no drain, comparisons, pgbench or trace), for
                           trying a change; its numbers are not a result (there is no raw insert rate to compare)
          --rest S         seconds without bookings before the backlog is read again, after each load (default 30)
          --open-rate N    bookings per second offered in the open-loop phase, whatever the answers (default 100)
          --open-duration S  seconds of the open-loop phase (default 30)

        Aftercare latency on PostgreSQL, two instances (docs/benchmarks.md, "Aftercare: signing to SMTP acceptance"):
          dotnet run -c Release --project tests/Needling.Load -- --aftercare --sessions 200 --rate 5
        starts a throw-away PostgreSQL, a loopback SMTP server (aiosmtpd) and two instances of the service; prepares
        sessions up to "recorded, not signed", then signs them at a steady rate and times each aftercare e-mail from
        the sign request's answer to the SMTP server's acceptance of it. Options of this mode:
          --aftercare      run this benchmark instead of the cold-start and memory one
          --sessions N     sessions prepared and signed (default 200)
          --rate R         sessions signed per second, alternating between the instances (default 5)
          --mail-timeout S seconds to wait for the last e-mail after the last signature (default 180)

        Exit code: 0 every goal met, 1 a goal missed or a request failed, 2 bad usage or set-up, 130 interrupted.
        """;

    /// <summary>Parses the arguments; returns null and writes the reason when they are wrong.</summary>
    public static Options? Parse(string[] args, TextWriter error)
    {
        int runs = 5, duration = 30, clients = 32, idle = 5, warmup = 5, pgbench = 20, patients = 400, openRate = 100, openSeconds = 30, rest = 30;
        string? api = null;
        var serverLog = false;
        var bookings = false;
        var dbOptions = "";
        var quick = false;
        var aftercare = false;
        int sessions = 200, mailTimeout = 180;
        var signRate = 5.0;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            int Positive() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{arg} needs a whole number above 0.");
            try
            {
                switch (arg)
                {
                    case "--runs": runs = Positive(); break;
                    case "--duration": duration = Positive(); break;
                    case "--clients": clients = Positive(); break;
                    case "--idle": idle = Positive(); break;
                    case "--api": api = Value(); break;
                    case "--server-log": serverLog = true; break;
                    case "--bookings": bookings = true; break;
                    case "--warmup": warmup = Positive(); break;
                    case "--pgbench": pgbench = Positive(); break;
                    case "--patients": patients = Positive(); break;
                    case "--db-options": dbOptions = Value(); break;
                    case "--quick": quick = true; break;
                    case "--open-rate": openRate = Positive(); break;
                    case "--open-duration": openSeconds = Positive(); break;
                    case "--rest": rest = Positive(); break;
                    case "--aftercare": aftercare = true; break;
                    case "--sessions": sessions = Positive(); break;
                    case "--mail-timeout": mailTimeout = Positive(); break;
                    case "--rate":
                        signRate = double.TryParse(Value(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var r) && r > 0
                            ? r
                            : throw new ArgumentException("--rate needs a number above 0.");
                        break;
                    case "--help" or "-h":
                        Console.WriteLine(Usage);
                        return null;
                    default: throw new ArgumentException($"unknown option {arg}.");
                }
            }
            catch (ArgumentException e)
            {
                error.WriteLine(e.Message);
                error.WriteLine(Usage);
                return null;
            }
        }

        var root = FindRepoRoot();
        if (root is null && api is null)
        {
            error.WriteLine("Needling.sln not found above the current directory; run from the repository or pass --api PATH.");
            return null;
        }
        api = Path.GetFullPath(api ?? Path.Combine(root!, "src", "Needling.Api", "bin", "Release", "net10.0", "Needling.Api.dll"));
        if (!File.Exists(api))
        {
            error.WriteLine($"{api} does not exist. Build the service first: dotnet build -c Release src/Needling.Api");
            return null;
        }
        return new Options(api, root ?? Path.GetDirectoryName(api)!, runs, duration, clients, idle, serverLog, bookings, warmup, pgbench, patients, dbOptions, quick,
            openRate, openSeconds, rest, aftercare, sessions, signRate, mailTimeout);
    }

    private static string? FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Needling.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }
}
