using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Needling.Load;

/// <summary>
/// <c>--bookings</c>: bookings per second and latency through HTTP with N concurrent clients on PostgreSQL, next to the
/// raw insert rate of the same server in the same run (pgbench). See docs/benchmarks.md, "Booking throughput (PostgreSQL)".
/// <list type="number">
/// <item>A throw-away PostgreSQL server (default settings, fsync on) and database; <c>create-admin</c>; the service on it.</item>
/// <item>Set-up through the API: a receptionist account; per worker a practitioner, a room and a pen; the patients.</item>
/// <item>Warm-up; its facts drained; the open loop (bookings offered at a fixed rate: do the facts drain as fast?); one client
/// alone; then the measured phase: N workers booking in a closed loop, one fresh patient and the next free hour each time,
/// and the backlog that leaves.</item>
/// <item>The service stopped, pgbench inserts appointment-shaped rows from N clients into two copies of the table.</item>
/// <item>A short traced run: the service again with EF Core's command log, 20 bookings one at a time, SQL counted per booking.</item>
/// </list>
/// </summary>
internal static class BookingBenchmark
{
    private const double RatioGoal = 0.40;
    private const double P99GoalMs = 50;
    private const int TracedBookings = 20;
    private const int SingleClientSeconds = 10;
    private const string Database = "needling_bench";
    private const string AdminPassword = "load-admin-passphrase-1";
    private const string DeskPassword = "load-reception-passphrase-1";

    private static readonly string[] GivenNames =
        ["Amelia", "Oliver", "Yuki", "Haruto", "Somchai", "Malee", "Grace", "Noah", "Sakura", "Ren", "Ploy", "Isla", "Kenji", "Ava", "Arthur", "Niran"];

    private static readonly string[] FamilyNames =
        ["Smith", "Jones", "Sato", "Suzuki", "Takahashi", "Wongsakul", "Chaiyaporn", "Taylor", "Brown", "Watanabe", "Evans", "Srisai", "Walker", "Ito", "Kaewmanee", "Hughes"];

    private static readonly string[] Languages = ["en", "ja", "th"];

    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        // Program.cs cancels the token on Ctrl-C, SIGTERM and SIGHUP: then the service and PostgreSQL are stopped at once
        // (after the token is marked cancelled, so what fails because of it is reported as an interruption), and again
        // by the finally block below; and on any exit.
        using var onCancel = ct.Register(StopEverything);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopEverything();

        var dataFolder = Directory.CreateTempSubdirectory("needling-bench-data-").FullName;
        ThrowAwayPostgres? pg = null;
        PostgresService? service = null;
        try
        {
            var loadAtStart = LoadAverage();
            Console.WriteLine($"Booking throughput on PostgreSQL: {options.Clients} clients, {options.WarmupSeconds} s warm-up, {options.DurationSeconds} s measured; " +
                              $"pgbench {options.PgbenchSeconds} s per table.");

            // 1. PostgreSQL, database, admin, service.
            pg = await ThrowAwayPostgres.StartAsync(ct);
            var settings = (await pg.PsqlAsync("postgres",
                "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings " +
                "WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'shared_buffers', 'max_connections', 'max_wal_size', 'checkpoint_timeout', 'commit_delay')", ct)).Trim();
            Console.WriteLine($"PostgreSQL {pg.Version} on 127.0.0.1:{pg.Port} ({pg.BinDir}), data in {pg.DataDir}; default settings: {settings}");
            await pg.PsqlAsync("postgres", $"CREATE DATABASE {Database}", ct);
            var connectionString = pg.ConnectionString(Database) + (options.DbOptions.Length > 0 ? ";" + options.DbOptions.Trim(';') : "");
            if (options.DbOptions.Length > 0)
            {
                Console.WriteLine($"The service's connection string: {connectionString}");
            }

            await PostgresService.RunCommandAsync(options.ApiDll,
                ["create-admin", "--username", "admin", .. PostgresService.DatabaseArgs(connectionString, dataFolder)],
                new Dictionary<string, string> { ["NEEDLING_ADMIN_PASSWORD"] = AdminPassword }, ct);
            Console.WriteLine("Migrated, and created the Admin with `create-admin --username admin`.");

            using var poll = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };
            service = PostgresService.Start(options.ApiDll, connectionString, dataFolder, options.ServerLog);
            var ready = await service.WaitReadyAsync(poll, TimeSpan.FromSeconds(90), ct);
            Console.WriteLine($"Service ready after {ready.TotalMilliseconds:0} ms at {service.BaseAddress}");

            using var client = NewClient(service.BaseAddress, options.Clients);

            // 2. Set-up through the API.
            var setupStarted = DateTime.UtcNow;
            var adminToken = await SignInAsync(client, "admin", AdminPassword, ct);
            using (var staff = Post("staff", new { username = "reception", displayName = "Load Receptionist", password = DeskPassword, roles = new[] { "Receptionist" } }, adminToken))
            {
                await SendOkAsync(client, staff, ct);
            }
            var deskToken = await SignInAsync(client, "reception", DeskPassword, ct);

            var lanes = new List<BookingLane>();
            for (var i = 0; i <= options.Clients; i++)
            {
                // One more than the workers: the traced run's own practitioner, room and pen.
                var practitioner = await CreateAsync(client, "practitioners", new
                {
                    displayName = $"Dr Load {i + 1}",
                    profession = "Physician",
                    licenceExpiresOn = "2099-12-31",
                    qualifications = new[] { new { code = "microneedling-device-training" }, new { code = "physician" } },
                }, adminToken, ct);
                var room = await CreateAsync(client, "rooms", new { name = $"Load room {i + 1}" }, adminToken, ct);
                var device = await CreateAsync(client, "devices", new { name = $"Load pen {i + 1}", kind = "microneedling-pen", serial = $"LOAD-{i + 1:000}" }, adminToken, ct);
                lanes.Add(new BookingLane(practitioner, room, device, []));
            }

            var perLane = options.PatientsPerClient;
            var registerStarted = DateTime.UtcNow;
            var patients = await Task.WhenAll(lanes.Select((_, lane) => Task.Run(async () =>
            {
                var random = new Random(lane + 1);
                var ids = new List<Guid>();
                var count = lane == options.Clients ? TracedBookings : perLane;
                for (var n = 0; n < count; n++)
                {
                    ids.Add(await RegisterPatientAsync(client, deskToken, random, lane, n, ct));
                }
                return ids;
            }, ct)));
            lanes = lanes.Select((l, i) => l with { Patients = patients[i] }).ToList();
            var registered = patients.Sum(p => p.Count);
            var registerSeconds = (DateTime.UtcNow - registerStarted).TotalSeconds;
            Console.WriteLine($"Set-up: {options.Clients + 1} practitioners, rooms and pens; {registered} patients registered in {registerSeconds:0.0} s " +
                              $"({registered / registerSeconds:0} patients/s from {lanes.Count} workers); set-up took {(DateTime.UtcNow - setupStarted).TotalSeconds:0} s.");

            // 3. Warm-up and measured bookings.
            var workerLanes = lanes.Take(options.Clients).ToList();
            var slots = BookingLoad.WeekdaySlots(perLane, DateTime.UtcNow);
            Console.WriteLine($"Slots: {slots.Count} one-hour starts per worker from {slots[0]:yyyy-MM-dd HH:mm} to {slots[^1]:yyyy-MM-dd HH:mm} UTC (weekdays, 09:00-17:00).");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", deskToken);
            var load = new BookingLoad(client, workerLanes, slots);
            await pg.PsqlAsync(Database, "CHECKPOINT", ct);
            var warmup = await load.RunAsync(TimeSpan.FromSeconds(options.WarmupSeconds), ct);
            Console.WriteLine($"Warm-up: {warmup.Booked} booked in {warmup.Elapsed.TotalSeconds:0.0} s ({warmup.BookingsPerSecond:0.0}/s), {warmup.Failed} not 201.");
            async Task<(BookingPhase Phase, CpuMeter.Usage Cpu, string LoadAfter)> ClosedLoopAsync()
            {
                var cpu = new CpuMeter(pg, service.Id);
                var measured = await load.RunAsync(TimeSpan.FromSeconds(options.DurationSeconds), ct);
                var bookingCpu = cpu.Stop();
                var loadAfterBookings = LoadAverage();
                Console.WriteLine($"Measured: {measured.Booked} booked in {measured.Elapsed.TotalSeconds:0.0} s = {measured.BookingsPerSecond:0.0} bookings/s; " +
                                  $"p50 {measured.Percentile(0.50):0.0} ms, p95 {measured.Percentile(0.95):0.0} ms, p99 {measured.Percentile(0.99):0.0} ms, max {measured.MaxMs:0} ms; " +
                                  $"{measured.Failed} not 201.");
                Console.WriteLine($"  answers per second: {string.Join(' ', measured.PerSecond)}");
                Console.WriteLine($"  {bookingCpu.Describe(Math.Max(1, measured.Requests), "booking")}");
                return (measured, bookingCpu, loadAfterBookings);
            }

            if (options.Quick)
            {
                var (quick, _, _) = await ClosedLoopAsync();
                PrintErrors(service, "the bookings");
                return quick.Failed == 0 ? 0 : 1;
            }
            // Before the open loop, the warm-up's facts drain, so that the open loop starts with nothing owed and the
            // one-client phase after it measures a booking on a quiet service, not one competing with a backlog.
            var schemas = await FactBacklog.OutboxSchemasAsync(pg, Database, ct);
            var afterWarmup = await FactBacklog.ReadAsync(pg, Database, schemas, ct);
            Console.WriteLine($"Facts when the warm-up ended: {afterWarmup.Describe()}.");
            await FactDrain.RestAndDrainAsync(pg, Database, schemas, 0, afterWarmup, ct, giveUpSeconds: 300);
            // Open loop: bookings offered at a fixed rate; the facts must drain as fast as they arrive.
            var open = await FactDrain.OpenLoopAsync(load, pg, Database, schemas, service.Id, options, ct);

            // One client, to see a booking's latency without queueing (and its CPU without contention).
            var oneCpu = new CpuMeter(pg, service.Id);
            var one = await load.RunAsync(TimeSpan.FromSeconds(SingleClientSeconds), ct, oneClient: true);
            var oneUsage = oneCpu.Stop();
            Console.WriteLine($"One client: {one.Booked} booked in {one.Elapsed.TotalSeconds:0.0} s = {one.BookingsPerSecond:0.0} bookings/s; p50 {one.Percentile(0.50):0.0} ms, " +
                              $"p99 {one.Percentile(0.99):0.0} ms; {one.Failed} not 201; {oneUsage.Describe(Math.Max(1, one.Requests), "booking")}");

            // For comparison: an authenticated GET that runs one SQL query, from as many clients.
            var getCpu = new CpuMeter(pg, service.Id);
            var get = await BookingLoad.RunGetAsync(client, "devices", options.Clients, TimeSpan.FromSeconds(SingleClientSeconds), ct);
            var getUsage = getCpu.Stop();
            Console.WriteLine($"GET /devices (one SQL query), {options.Clients} clients: {get.Booked} answered in {get.Elapsed.TotalSeconds:0.0} s = {get.BookingsPerSecond:0.0}/s; " +
                              $"p50 {get.Percentile(0.50):0.0} ms, p99 {get.Percentile(0.99):0.0} ms; {get.Failed} failed; {getUsage.Describe(Math.Max(1, get.Requests), "request")}");

            // The closed loop: as many bookings as 32 clients can make; far above the open-loop rate, so it leaves a
            // backlog, printed below with how fast it drains.
            var (measured, bookingCpu, loadAfterBookings) = await ClosedLoopAsync();

            // What the service left for later (issue 11): facts still owed when the bookings stopped, after a rest, and
            // how long they took to drain. Each booking records AppointmentBooked (Consent opens a request, Aftercare
            // queues the reminder) and Consent's ConsentRequested (Aftercare queues the signing-link e-mail).
            var drainCpu = new CpuMeter(pg, service.Id);
            var drainStarted = DateTime.UtcNow;
            var atEnd = await FactBacklog.ReadAsync(pg, Database, schemas, ct);
            Console.WriteLine($"Facts when the measured phase ended: {atEnd.Describe()}.");
            var (afterRest, drainSeconds, drainedTo) = await FactDrain.RestAndDrainAsync(pg, Database, schemas, options.RestSeconds, atEnd, ct);
            var drainUsage = drainCpu.Stop();
            var left = afterRest.Owed;
            var backlog = atEnd.Owed;
            var expectedRows = warmup.Booked + open.Phase.Booked + one.Booked + measured.Booked;
            var appointments = await ScalarAsync(pg, "SELECT count(*) FROM booking.appointments", ct);
            var consentRequests = await ScalarAsync(pg, "SELECT count(*) FROM consent.requests", ct, optional: true);
            Console.WriteLine($"  Rows: {appointments} appointments (expected {expectedRows}), {consentRequests} consent requests.");
            Console.WriteLine($"  while it drained: {drainUsage.Describe(Math.Max(1, drainedTo.Drained - atEnd.Drained), "fact")}");
            if (appointments != expectedRows)
            {
                Console.WriteLine("  The number of appointments does not match the 201 answers!");
            }

            var serviceErrors = service.ErrorLines;
            PrintErrors(service, "the bookings");
            await service.DisposeAsync();
            service = null;

            // 4. Raw insert rate of the same server, the service stopped.
            var exclusions = await Pgbench.CreateTablesAsync(pg, Database, ct);
            var sample = await Pgbench.SampleValuesAsync(pg, Database, ct);
            Console.WriteLine($"pgbench: bench_appointments is LIKE booking.appointments INCLUDING ALL ({exclusions} exclusion constraints); row values from a real booking: {sample}");
            var full = await Pgbench.RunAsync(pg, Database, "bench_appointments",
                $"LIKE booking.appointments INCLUDING ALL: primary key, the 4 (resource, start) indexes and the {exclusions} exclusion constraints",
                Pgbench.Script("bench_appointments", sample), options.Clients, options.PgbenchSeconds, ct);
            PrintPgbench(full);
            var pkOnly = await Pgbench.RunAsync(pg, Database, "bench_appointments_pk", "same columns, primary key only",
                Pgbench.Script("bench_appointments_pk", sample), options.Clients, options.PgbenchSeconds, ct);
            PrintPgbench(pkOnly);
            var writeSetScript = await Pgbench.WriteSetScriptAsync(pg, Database, ct);
            var writeSet = await Pgbench.RunAsync(pg, Database, "booking_write_set",
                $"one transaction inserting a row into copies of each of {string.Join(", ", Pgbench.BookingWriteSet)}",
                writeSetScript, options.Clients, options.PgbenchSeconds, ct);
            PrintPgbench(writeSet);
            var writeSetRows = (await pg.PsqlAsync(Database,
                "SELECT " + string.Join(" || ' ' || ", Pgbench.BookingWriteSet.Select(t => $"(SELECT count(*) FROM public.bench_ws_{t})")), ct)).Trim();
            Console.WriteLine($"  rows in the write-set copies ({string.Join(", ", Pgbench.BookingWriteSet)}): {writeSetRows}");

            // 5. SQL per booking, from the service's own log, on a quiet service (not part of the measurement).
            Console.WriteLine($"Traced run: the service again with EF Core's command log, {TracedBookings} bookings one at a time...");
            service = PostgresService.Start(options.ApiDll, connectionString, dataFolder, options.ServerLog, SqlTrace.Environment, keepEveryLine: true);
            await service.WaitReadyAsync(poll, TimeSpan.FromSeconds(90), ct);
            using var traceClient = NewClient(service.BaseAddress, 1);
            traceClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(traceClient, "reception", DeskPassword, ct));
            await Task.Delay(1000, ct);
            service.TakeLines();
            var traceLane = lanes[^1];
            var traceSlots = BookingLoad.WeekdaySlots(TracedBookings, DateTime.UtcNow);
            var traceFailures = 0;
            for (var i = 0; i < TracedBookings; i++)
            {
                using var request = BookingLoad.BookingRequest(traceLane, traceLane.Patients[i], traceSlots[i]);
                using var response = await traceClient.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if ((int)response.StatusCode != 201)
                {
                    traceFailures++;
                    Console.WriteLine($"  traced booking {i + 1}: {(int)response.StatusCode} {body}");
                }
                await Task.Delay(100, ct);
            }
            await Task.Delay(2000, ct); // the outbox's work for the last bookings
            var trace = SqlTrace.Parse(service.TakeLines());
            PrintErrors(service, "the traced run");
            await service.DisposeAsync();
            service = null;
            var typical = trace.Bookings.Where(b => b.Status == 201).Skip(TracedBookings / 2).FirstOrDefault();
            var traceSummary = SqlTrace.Summary(trace);
            Console.WriteLine(traceSummary);

            // 6. Report.
            var ratio = measured.BookingsPerSecond / full.Tps;
            var p99 = measured.Percentile(0.99);
            var ratioOk = ratio >= RatioGoal;
            var p99Ok = p99 < P99GoalMs;
            var failures = warmup.Failed + measured.Failed + open.Phase.Failed + one.Failed + traceFailures;
            var requestsOk = failures == 0 && !measured.RanOutOfPatients && !open.Phase.RanOutOfPatients && !one.RanOutOfPatients;
            var drainOk = open.KeptUp;
            var md = new StringBuilder();
            md.AppendLine(CultureInfo.InvariantCulture, $"Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Machine: `nproc` = {Environment.ProcessorCount}, {TotalMemoryGb():0.0} GB RAM, " +
                                                        $"{RuntimeInformation.OSDescription}; load average {loadAtStart} at the start, {loadAfterBookings} after the bookings, {LoadAverage()} at the end.");
            var pool = options.DbOptions.Length > 0
                ? $"the service's connection string adds `{options.DbOptions}`."
                : "the service's connection string sets no pool options (Npgsql's default pool, up to 100).";
            md.AppendLine(CultureInfo.InvariantCulture, $"PostgreSQL {pg.Version}, throw-away, default settings ({settings}); {pool}");
            md.AppendLine();
            md.AppendLine("| measurement | result | goal | |");
            md.AppendLine("|---|---:|---:|---|");
            md.AppendLine(CultureInfo.InvariantCulture, $"| bookings through HTTP: `POST /appointments` → 201, {options.Clients} clients, {options.DurationSeconds} s, after the warm-up, the open loop and the one-client phase | **{measured.BookingsPerSecond:0.0} /s** ({measured.Booked} in {measured.Elapsed.TotalSeconds:0.0} s) | | |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| booking latency p50 / p95 / **p99** / max (client-side, body read) | {measured.Percentile(0.50):0.0} / {measured.Percentile(0.95):0.0} / **{p99:0.0}** / {measured.MaxMs:0} ms | p99 < {P99GoalMs:0} ms | {Mark(p99Ok)} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| raw inserts, pgbench `-c {options.Clients} -j {Math.Min(2, options.Clients)} -T {options.PgbenchSeconds}`, one row per transaction into a copy of booking.appointments ({full.Shape}) | **{full.Tps:0.0} /s** (latency p50 {full.P50Ms:0.0}, p99 {full.P99Ms:0.0} ms) | | |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| **bookings/s ÷ raw inserts/s** | **{ratio * 100:0.0} %** | ≥ {RatioGoal * 100:0} % | {Mark(ratioOk)} |");
            // The ceiling (docs/benchmarks.md): on one machine the ratio is CPU per insert ÷ CPU per booking, and no booking
            // costs less than a signed-in one-query request plus PostgreSQL's share of its write set.
            var insertMs = full.Cpu.OursMs / Math.Max(1, full.Transactions);
            var writeSetPostgresMs = writeSet.Cpu.PostgresMs / Math.Max(1, writeSet.Transactions);
            var floorMs = getUsage.OursMs / Math.Max(1, get.Requests) + writeSetPostgresMs;
            md.AppendLine(CultureInfo.InvariantCulture, $"| ceiling of that ratio on this machine: CPU per raw insert ({insertMs:0.00} ms) ÷ CPU of a booking that did nothing but a signed-in one-query request (`GET /devices` below) and its write set in PostgreSQL ({floorMs:0.00} ms) | {insertMs / floorMs * 100:0.0} % | | |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| for comparison: raw inserts into a copy with the primary key only | {pkOnly.Tps:0.0} /s (p50 {pkOnly.P50Ms:0.0}, p99 {pkOnly.P99Ms:0.0} ms); bookings are {measured.BookingsPerSecond / pkOnly.Tps * 100:0.0} % of it | | |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| for comparison: a booking's write set alone, pgbench as above: {writeSet.Shape} (LIKE … INCLUDING ALL; one command, one commit) | {writeSet.Tps:0.0} /s (p50 {writeSet.P50Ms:0.0}, p99 {writeSet.P99Ms:0.0} ms); bookings are {measured.BookingsPerSecond / writeSet.Tps * 100:0.0} % of it; PostgreSQL CPU {writeSetPostgresMs:0.00} ms per transaction | | |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| for comparison: one client alone, {SingleClientSeconds} s, after the open loop and its rest (nothing owed when the open loop kept up) | {one.BookingsPerSecond:0.0} /s; latency p50 {one.Percentile(0.50):0.0}, p99 {one.Percentile(0.99):0.0} ms | | |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| bookings that were not 201 (warm-up, measured, open loop, one client, traced) | {failures} of {warmup.Requests + measured.Requests + open.Phase.Requests + one.Requests + TracedBookings} | 0 | {Mark(requestsOk)} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| errors the service logged (fail/crit) | {serviceErrors} | | |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| facts owed (in an outbox, or a delivery job not yet succeeded) when the closed loop ended | {backlog} of {atEnd.Facts} ({(drainSeconds is { } ds ? $"none owed {ds:0.0} s later" : "still owed after 120 s")}) | | |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| facts owed after {options.RestSeconds} s of rest (the closed loop offers far more than the open-loop rate: shown, not a goal) | {left} | | |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| CPU from the end of the closed loop until none was owed, no bookings (per fact drained) | {drainUsage.Describe(Math.Max(1, drainedTo.Drained - atEnd.Drained), "fact")} | | |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| **open loop**: {open.OfferedPerSecond:0} bookings/s offered for {options.OpenSeconds} s | {open.Describe()} | facts drained at least as fast as they arrive | {Mark(open.KeptUp)} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| facts owed, each second of the open loop | {string.Join(" ", open.OwedPerSecond)} | | |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| CPU during the open loop | {open.Cpu.Describe(Math.Max(1, open.Phase.Requests), "booking")} | | |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| CPU during the bookings | {bookingCpu.Describe(Math.Max(1, measured.Requests), "booking")} | | |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| CPU with one client | {oneUsage.Describe(Math.Max(1, one.Requests), "booking")} | | |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| for comparison: `GET /devices` (signed in, one SQL query, {lanes.Count} devices), {options.Clients} clients, {SingleClientSeconds} s | {get.BookingsPerSecond:0.0} /s; p50 {get.Percentile(0.50):0.0}, p99 {get.Percentile(0.99):0.0} ms; {getUsage.Describe(Math.Max(1, get.Requests), "request")} | | |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| CPU during pgbench (all constraints) | {full.Cpu.Describe(Math.Max(1, full.Transactions), "insert")} | | |");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Bookings answered per second of the measured phase: {string.Join(", ", measured.PerSecond)}.");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"SQL per booking (traced run, separate start with the EF Core command log): {traceSummary.Trim()}");
            if (typical is not null)
            {
                md.AppendLine();
                var commands = string.Join("; ", typical.Commands.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {c.What} ({c.Ms:0} ms)")));
                md.AppendLine(CultureInfo.InvariantCulture, $"The commands of one traced booking (number {TracedBookings / 2 + 1}), in order: {commands}.");
                md.AppendLine();
                md.AppendLine("Background commands over the traced run, by kind: " +
                    string.Join("; ", trace.Background.Commands.GroupBy(c => c.What).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} × {g.Key}")) + ".");
            }

            Console.WriteLine();
            Console.WriteLine(md.ToString());
            var shown = warmup.Failures.Concat(measured.Failures).Concat(open.Phase.Failures).Concat(one.Failures).ToList();
            if (shown.Count > 0)
            {
                Console.WriteLine($"Bookings that were not 201 ({warmup.Failed + measured.Failed + open.Phase.Failed + one.Failed}; grouped, first body of each):");
                foreach (var group in shown.GroupBy(f => f.Status))
                {
                    Console.WriteLine($"  {group.Count(),5} × {group.Key}: {group.First().Body}");
                }
            }
            if (measured.RanOutOfPatients || open.Phase.RanOutOfPatients || one.RanOutOfPatients)
            {
                Console.WriteLine($"A worker ran out of patients or slots ({perLane} each) before the time was up: the result is not valid; run again with a larger --patients.");
            }
            var allOk = ratioOk && p99Ok && requestsOk && drainOk;
            Console.WriteLine(allOk
                ? "All goals met."
                : $"Goal MISSED:{(ratioOk ? "" : $" bookings/s is {ratio * 100:0.0} % of the raw insert rate (goal ≥ {RatioGoal * 100:0} %);")}" +
                  $"{(p99Ok ? "" : $" p99 {p99:0.0} ms (goal < {P99GoalMs:0} ms);")}{(requestsOk ? "" : " bookings failed or the run was cut short;")}" +
                  $"{(drainOk ? "" : " facts were not drained as fast as they arrived, or were still owed after the rest;")}");
            return allOk ? 0 : 1;
        }
        catch (Exception e) when (ct.IsCancellationRequested && e is not OperationCanceledException)
        {
            // The service or PostgreSQL was stopped under a request or a command: an interruption, not a failure.
            throw new OperationCanceledException("Interrupted.", e, ct);
        }
        catch (Exception) when (pg is not null && !ct.IsCancellationRequested)
        {
            Console.Error.WriteLine($"PostgreSQL's log (last lines):{Environment.NewLine}{pg.LogTail()}");
            if (service is not null)
            {
                Console.Error.WriteLine($"The service's output (last lines):{Environment.NewLine}{service.LogTail}");
            }
            throw;
        }
        finally
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
            PostgresService.KillAll();
            if (pg is not null)
            {
                await pg.DisposeAsync();
            }
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: it is under the temp folder.
            }
        }
    }

    private static void StopEverything()
    {
        PostgresService.KillAll();
        ThrowAwayPostgres.StopAll();
    }

    private static HttpClient NewClient(Uri baseAddress, int connections) =>
        new(new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    private static HttpRequestMessage Post(string path, object body, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<JsonElement> SendOkAsync(HttpClient client, HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{request.Method} /{request.RequestUri} answered {(int)response.StatusCode}: {body}");
        }
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    private static async Task<Guid> CreateAsync(HttpClient client, string path, object body, string token, CancellationToken ct)
    {
        using var request = Post(path, body, token);
        return (await SendOkAsync(client, request, ct)).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> RegisterPatientAsync(HttpClient client, string token, Random random, int lane, int n, CancellationToken ct)
    {
        var given = GivenNames[random.Next(GivenNames.Length)];
        var family = FamilyNames[random.Next(FamilyNames.Length)];
        using var request = Post("patients", new
        {
            givenName = given,
            familyName = family,
            dateOfBirth = new DateOnly(1950, 1, 1).AddDays(random.Next(55 * 365)),
            preferredLanguage = Languages[random.Next(Languages.Length)],
            // Ofcom's numbers for drama (07700 900000-900999) and the reserved example.com domain: never a real person.
            phone = $"07700 900{random.Next(1000):000}",
            email = $"{given}.{family}.{lane}.{n}@example.com".ToLowerInvariant(),
        }, token);
        return (await SendOkAsync(client, request, ct)).GetProperty("patient").GetProperty("id").GetGuid();
    }

    private static async Task<string> SignInAsync(HttpClient client, string username, string password, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync("auth/token", new { username, password }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-in as {username} answered {(int)response.StatusCode}: {body}");
        }
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static async Task<long> ScalarAsync(ThrowAwayPostgres pg, string sql, CancellationToken ct, bool optional = false)
    {
        try
        {
            return long.Parse((await pg.PsqlAsync(Database, sql, ct)).Trim(), CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException) when (optional)
        {
            return -1;
        }
    }

    private static void PrintPgbench(PgbenchResult r) =>
        Console.WriteLine($"  {r.Table}: {r.Tps:0.0} inserts/s ({r.Transactions} in total, {r.FailedTransactions} failed), latency average {r.LatencyAverageMs:0.00} ms, " +
                          $"p50 {r.P50Ms:0.00}, p99 {r.P99Ms:0.00}, max {r.MaxMs:0.0} ms; {r.Cpu.Describe(Math.Max(1, r.Transactions), "insert")}");

    private static void PrintErrors(PostgresService server, string when)
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

    private static string Mark(bool ok) => ok ? "met" : "**MISSED**";

    private static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static double TotalMemoryGb()
    {
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }
}
