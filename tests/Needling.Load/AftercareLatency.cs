using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;

namespace Needling.Load;

/// <summary>
/// <c>--aftercare</c>: how long a patient waits for the aftercare e-mail, with two instances of the service on one
/// PostgreSQL database. See docs/benchmarks.md, "Aftercare: signing to SMTP acceptance, two instances on PostgreSQL".
/// <list type="number">
/// <item>A throw-away PostgreSQL (default settings, fsync on), <c>create-admin</c>, a loopback SMTP server (aiosmtpd) that
/// notes when it accepts each message, and two instances of the service sending to it, each with its own data folder.</item>
/// <item>Set-up through the API (<see cref="AftercareVisits"/>): N sessions recorded and not yet signed, spread over both.</item>
/// <item>Measured: the sessions signed at a steady rate, alternating the instances; for each, the time the sign request
/// was answered (2xx). Latency = the SMTP server's acceptance of that session's sheet e-mail − that time.</item>
/// <item>Where the time went, from the rows the service wrote (outbox, Hangfire's job states, the delivery).</item>
/// </list>
/// </summary>
internal static class AftercareLatency
{
    private const string Database = "needling_aftercare";
    private const string AdminPassword = "load-admin-passphrase-1";

    /// <summary>After the last e-mail, how long to keep listening for a second copy (past every sender's 5-second poll).</summary>
    private static readonly TimeSpan DuplicateWatch = TimeSpan.FromSeconds(12);

    private sealed record Signed(AftercareVisits.Ready Visit, double SentAt, double AnsweredAt, int Status, string? Error);

    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        using var onCancel = ct.Register(StopEverything);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopEverything();

        var folders = new[] { NewFolder(), NewFolder() };
        ThrowAwayPostgres? pg = null;
        SmtpReceiver? smtp = null;
        var services = new List<PostgresService>();
        try
        {
            var loadAtStart = LoadAverage();
            Console.WriteLine($"Aftercare latency on PostgreSQL, two instances: {options.Sessions} sessions signed at {options.SignRate:0.##}/s; load average {loadAtStart} at the start.");

            // 1. PostgreSQL, admin, SMTP server, two instances.
            pg = await ThrowAwayPostgres.StartAsync(ct);
            var settings = (await pg.PsqlAsync("postgres",
                "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings " +
                "WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'max_connections')", ct)).Trim();
            Console.WriteLine($"PostgreSQL {pg.Version} on 127.0.0.1:{pg.Port}; default settings: {settings}");
            await pg.PsqlAsync("postgres", $"CREATE DATABASE {Database}", ct);
            var connectionString = pg.ConnectionString(Database);
            await PostgresService.RunCommandAsync(options.ApiDll,
                ["create-admin", "--username", "admin", .. PostgresService.DatabaseArgs(connectionString, folders[0])],
                new Dictionary<string, string> { ["NEEDLING_ADMIN_PASSWORD"] = AdminPassword }, ct);
            smtp = await SmtpReceiver.StartAsync(ct);
            Console.WriteLine($"Migrated, created the Admin; aiosmtpd listening on 127.0.0.1:{smtp.Port}.");

            // The settings the tests use for real SMTP (MailAppFixture); as environment variables, the service's own way.
            var mail = new Dictionary<string, string>
            {
                ["Mail__SmtpHost"] = "127.0.0.1",
                ["Mail__SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Mail__Security"] = "None",
                ["Mail__FromAddress"] = "care@harbour-clinic.test",
                ["Mail__PublicBaseUrl"] = "https://clinic.example",
            };
            using var poll = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };
            foreach (var folder in folders)
            {
                services.Add(PostgresService.Start(options.ApiDll, connectionString, folder, options.ServerLog, mail));
            }
            foreach (var service in services)
            {
                var ready = await service.WaitReadyAsync(poll, TimeSpan.FromSeconds(90), ct);
                Console.WriteLine($"Instance ready after {ready.TotalMilliseconds:0} ms at {service.BaseAddress} (pid {service.Id}).");
            }
            var clients = services.Select(s => NewClient(s.BaseAddress)).ToArray();

            // 2. Set-up through the API.
            var setupStarted = Stopwatch.GetTimestamp();
            var adminToken = await AftercareVisits.SignInAsync(clients[0], "admin", ct, AdminPassword);
            var visits = new AftercareVisits(clients, adminToken);
            var zone = await visits.ClinicAsync(ct);
            var prepared = await visits.PrepareAsync(options.Sessions, ct);
            Console.WriteLine($"Set-up: clinic in {zone}; {prepared.Count} sessions recorded, not signed, in {Stopwatch.GetElapsedTime(setupStarted).TotalSeconds:0} s.");
            var quiet = await QuietAsync(pg, ct);
            Console.WriteLine($"Background work of the set-up (consent e-mails, outbox jobs) finished {quiet.TotalSeconds:0.0} s later; e-mails so far: {smtp.Read().Count}.");

            // 3. Measured: sign at a steady rate, alternating the instances.
            var cpu = new CpuMeter(pg, null);
            var instancesCpu0 = services.Sum(s => ProcStat.CpuMs(s.Id));
            var signed = await SignAllAsync(clients, prepared, options.SignRate, ct);
            var lastAnswer = signed.Max(s => s.AnsweredAt);
            Console.WriteLine($"Signed: {signed.Count(s => s.Error is null)} of {signed.Count} answered 2xx in {lastAnswer - signed.Min(s => s.SentAt):0.0} s.");

            var wanted = prepared.ToDictionary(p => MessageId(p.Session));
            var deadline = DateTime.UtcNow.AddSeconds(options.MailTimeoutSeconds);
            while (DateTime.UtcNow < deadline && smtp.Read().Select(a => a.MessageId).Where(wanted.ContainsKey).Distinct().Count() < wanted.Count)
            {
                await Task.Delay(200, ct);
            }
            var usage = cpu.Stop();
            var instancesCpuMs = services.Sum(s => ProcStat.CpuMs(s.Id)) - instancesCpu0;
            await Task.Delay(DuplicateWatch, ct);
            var loadAtEnd = LoadAverage();
            var accepted = smtp.Read();

            // 4. Results: one sheet e-mail per session, to its patient; latency from the sign answer to acceptance.
            var sheets = accepted.Where(a => wanted.ContainsKey(a.MessageId)).GroupBy(a => a.MessageId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.UnixSeconds).ToList());
            var latencies = new List<double>();
            var missing = 0;
            var duplicates = 0;
            var misaddressed = 0;
            foreach (var s in signed.Where(s => s.Error is null))
            {
                if (!sheets.TryGetValue(MessageId(s.Visit.Session), out var copies))
                {
                    missing++;
                    continue;
                }
                duplicates += copies.Count - 1;
                misaddressed += copies.Count(c => c.Recipients != s.Visit.Email);
                latencies.Add((copies[0].UnixSeconds - s.AnsweredAt) * 1000);
            }
            var failedSigns = signed.Count(s => s.Error is not null);
            // Message-IDs are kind.subject@needling.local: the set-up's own e-mails, by kind.
            var otherMail = string.Join(", ", accepted.Where(a => !wanted.ContainsKey(a.MessageId)).GroupBy(a => a.MessageId.Split('.')[0])
                .Select(g => $"{g.Count()} {g.Key}"));
            var stages = await Stages.ReadAsync(pg, Database, signed.Where(s => s.Error is null).ToDictionary(s => s.Visit.Session, s => s.AnsweredAt), ct);
            var errors = services.Sum(s => s.ErrorLines);
            foreach (var service in services)
            {
                PrintErrors(service);
            }

            var sorted = latencies.Order().ToArray();
            var md = new StringBuilder();
            md.AppendLine(CultureInfo.InvariantCulture, $"Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Machine: `nproc` = {Environment.ProcessorCount}, {TotalMemoryGb():0.0} GB RAM, " +
                                                        $"{RuntimeInformation.OSDescription}; load average {loadAtStart} at the start, {loadAtEnd} at the end (the cores are shared with other engineers' builds).");
            md.AppendLine(CultureInfo.InvariantCulture, $"PostgreSQL {pg.Version}, throw-away, default settings ({settings}); two instances of the service on it, each sending by SMTP " +
                                                        $"(MailKit, no TLS) to aiosmtpd {AiosmtpdVersion()} on loopback; clinic time zone {zone}.");
            md.AppendLine();
            md.AppendLine("| measurement | result |");
            md.AppendLine("|---|---:|");
            md.AppendLine(CultureInfo.InvariantCulture, $"| sessions signed (`POST /sessions/{{id}}/sign` → 200), {options.SignRate:0.##}/s alternating the two instances | {signed.Count - failedSigns} of {signed.Count} |");
            if (sorted.Length > 0)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| **signing answered → SMTP server accepted the aftercare e-mail**: **median** / p90 / **p99** / max | **{Percentile(sorted, 0.50):0}** / {Percentile(sorted, 0.90):0} / **{Percentile(sorted, 0.99):0}** / {sorted[^1]:0} ms |");
                md.AppendLine(CultureInfo.InvariantCulture, $"| min; mean | {sorted[0]:0} ms; {sorted.Average():0} ms |");
            }
            md.AppendLine(CultureInfo.InvariantCulture, $"| sign request itself (sent → answered): median / p99 / max | {SignMs(signed, 0.50):0} / {SignMs(signed, 0.99):0} / {SignMs(signed, 1):0} ms |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| sheet e-mails per signed session: exactly one / missing / extra copies / to another address | {sheets.Count - sheets.Values.Count(c => c.Count > 1)} / {missing} / {duplicates} / {misaddressed} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| other e-mails the SMTP server accepted, by kind (set-up: a consent request e-mails its signing link, unless the desk signed it before the sender composed it) | {(otherMail.Length == 0 ? "none" : otherMail)} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| errors the services logged (fail/crit) | {errors} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| CPU from the first signature to the last e-mail | {usage.Describe(Math.Max(1, signed.Count), "session")}; of that \"everything else\", the two instances {instancesCpuMs / Math.Max(1, signed.Count):0.00} |");
            md.AppendLine();
            md.Append(stages.Describe());

            Console.WriteLine();
            Console.WriteLine(md.ToString());
            foreach (var group in signed.Where(s => s.Error is not null).GroupBy(s => s.Status).Take(5))
            {
                Console.WriteLine($"  {group.Count()} × sign answered {group.Key}: {group.First().Error}");
            }
            var ok = failedSigns == 0 && missing == 0 && duplicates == 0 && misaddressed == 0;
            Console.WriteLine(ok
                ? "Every signed session's patient received exactly one aftercare e-mail."
                : $"FAILED: {failedSigns} signatures not 2xx, {missing} e-mails missing after {options.MailTimeoutSeconds} s, {duplicates} extra copies, {misaddressed} to another address.");
            return ok ? 0 : 1;
        }
        catch (Exception e) when (ct.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException("Interrupted.", e, ct);
        }
        catch (Exception) when (pg is not null && !ct.IsCancellationRequested)
        {
            Console.Error.WriteLine($"PostgreSQL's log (last lines):{Environment.NewLine}{pg.LogTail()}");
            foreach (var service in services)
            {
                Console.Error.WriteLine($"The output of instance {service.BaseAddress} (last lines):{Environment.NewLine}{service.LogTail}");
            }
            throw;
        }
        finally
        {
            foreach (var service in services)
            {
                await service.DisposeAsync();
            }
            PostgresService.KillAll();
            smtp?.Dispose();
            if (pg is not null)
            {
                await pg.DisposeAsync();
            }
            foreach (var folder in folders)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Best effort: it is under the temp folder.
                }
            }
        }
    }

    /// <summary>Signs session i at start + i / rate (an open loop: a slow answer does not delay the next signature), on instance i mod 2.</summary>
    private static async Task<List<Signed>> SignAllAsync(HttpClient[] clients, List<AftercareVisits.Ready> sessions, double rate, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var tasks = new List<Task<Signed>>();
        for (var i = 0; i < sessions.Count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, ct);
            }
            var visit = sessions[i];
            tasks.Add(SignAsync(clients[visit.Instance], visit, ct));
        }
        return [.. await Task.WhenAll(tasks)];
    }

    private static async Task<Signed> SignAsync(HttpClient http, AftercareVisits.Ready visit, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"sessions/{visit.Session}/sign") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", visit.PractitionerToken);
        request.Headers.TryAddWithoutValidation("If-Match", visit.SessionETag);
        var sent = Now();
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var answered = Now();
            return new Signed(visit, sent, answered, (int)response.StatusCode, response.IsSuccessStatusCode ? null : body);
        }
        catch (HttpRequestException e)
        {
            return new Signed(visit, sent, Now(), 0, e.Message);
        }
    }

    /// <summary>Waits until no outbox message is undispatched, no Hangfire job is queued or running, and no e-mail is due.</summary>
    private static async Task<TimeSpan> QuietAsync(ThrowAwayPostgres pg, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var outboxes = (await pg.PsqlAsync(Database, "SELECT string_agg(table_schema, ' ') FROM information_schema.tables WHERE table_name = 'outbox'", ct)).Trim().Split(' ');
        var sql = "SELECT " + string.Join(" + ", outboxes.Select(s => $"(SELECT count(*) FROM {s}.outbox WHERE processed_at_utc IS NULL)")) +
                  " + (SELECT count(*) FROM hangfire.job WHERE statename IN ('Enqueued', 'Processing'))" +
                  " + (SELECT count(*) FROM aftercare.deliveries WHERE status IN ('pending', 'sending') AND due_at_utc <= now())";
        while (long.Parse((await pg.PsqlAsync(Database, sql, ct)).Trim(), CultureInfo.InvariantCulture) > 0)
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException("The set-up's background work did not finish within 3 minutes.");
            }
            await Task.Delay(250, ct);
        }
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>The Message-ID the service gives a session's sheet e-mail (DeliveryQueue: kind.subject@needling.local).</summary>
    private static string MessageId(Guid session) => $"sheet.{session:N}@needling.local";

    private static double Now() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;

    private static double SignMs(List<Signed> signed, double p)
    {
        var ms = signed.Where(s => s.Error is null).Select(s => (s.AnsweredAt - s.SentAt) * 1000).Order().ToArray();
        return ms.Length == 0 ? double.NaN : Percentile(ms, p);
    }

    /// <summary>Nearest rank: the smallest value with at least p of the values at or below it.</summary>
    internal static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string AiosmtpdVersion()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", "import aiosmtpd; print(aiosmtpd.__version__)"]) { RedirectStandardOutput = true, UseShellExecute = false });
            var version = p!.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit(5000);
            return version;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "(version unknown)";
        }
    }

    private static HttpClient NewClient(Uri baseAddress) =>
        new(new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    private static string NewFolder() => Directory.CreateTempSubdirectory("needling-bench-data-").FullName;

    private static void StopEverything()
    {
        PostgresService.KillAll();
        SmtpReceiver.StopAll();
        ThrowAwayPostgres.StopAll();
    }

    private static void PrintErrors(PostgresService server)
    {
        if (server.ErrorLines > 0)
        {
            Console.WriteLine($"  Instance {server.BaseAddress} logged {server.ErrorLines} error(s):");
            foreach (var line in server.Errors.Take(40))
            {
                Console.WriteLine($"    {line}");
            }
        }
    }

    private static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static double TotalMemoryGb()
    {
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }
}
