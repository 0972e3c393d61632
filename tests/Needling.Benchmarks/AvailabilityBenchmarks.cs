using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Needling.Booking.Availability;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Booking.Schedules;
using Needling.Contracts.Clinic;
using Needling.Contracts.Protocols;
using Needling.SharedKernel.Data;

namespace Needling.Benchmarks;

// One availability search, as POST /availability runs it after the Clinic and Protocols modules have answered:
// AvailabilityLoader (schedules and the range's appointments, from the database) and SlotFinder. 20 practitioners,
// 6 rooms, 4 pens, 30 days, on a database holding 1,000,000 past appointments. Goal: under 10 ms (docs/benchmarks.md).
// SQLite always; PostgreSQL too when NEEDLING_BENCH_POSTGRES holds a connection string to a server we may create
// databases on. The database is built once per model and data version and reused by later runs.
[MemoryDiagnoser]
public class AvailabilityBenchmarks
{
    private const int PastAppointments = 1_000_000;
    // Rows per INSERT: Npgsql binds parameters by position, so large batches pay off; Microsoft.Data.Sqlite binds
    // each by name, which SQLite looks up linearly, so there one prepared single-row INSERT is fastest.
    private const int PostgresBatchRows = 500;
    private const string DataVersion = "v1";

    // A fixed "now", so that the data and the answer do not depend on the day the benchmark runs.
    private static readonly DateTime Now = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly From = new(2026, 12, 1);
    private static readonly DateOnly To = new(2026, 12, 30);

    private DbContextOptions<BookingDbContext> options = null!;
    private ClinicFacts facts = null!;
    private AvailabilityCriteria allPractitioners = null!;
    private AvailabilityCriteria onePractitioner = null!;
    private SlotSearch uncapped = null!;

    public static IEnumerable<string> Providers() =>
        Environment.GetEnvironmentVariable("NEEDLING_BENCH_POSTGRES") is { Length: > 0 } ? ["Sqlite", "PostgreSql"] : ["Sqlite"];

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "Sqlite";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261201);
        Guid NextId() => NewId(random);
        var practitioners = Enumerable.Range(1, 20).Select(i => new PractitionerInfo(NextId(), $"Practitioner {i:00}", true, new DateOnly(2030, 12, 31),
            [new QualificationInfo("microneedling-device-training", i == 20 ? new DateOnly(2026, 12, 15) : null)])).ToList();
        var rooms = Enumerable.Range(1, 6).Select(i => new RoomInfo(NextId(), $"Room {i}")).ToList();
        var pens = Enumerable.Range(1, 4).Select(i => new DeviceInfo(NextId(), $"Pen {i}", "microneedling-pen", $"SN-{i}")).ToList();
        var rollers = new[] { new DeviceInfo(NextId(), "Roller", "derma-roller", "R-1") };
        var weekdays = Enum.GetValues<DayOfWeek>().Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(d => new OpeningPeriod(d, new TimeOnly(9, 0), new TimeOnly(18, 0)));
        var calendar = new ClinicCalendar("Europe/London",
            [.. weekdays, new OpeningPeriod(DayOfWeek.Saturday, new TimeOnly(9, 0), new TimeOnly(13, 0))],
            [new ClosedDates(new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26))]);
        facts = new ClinicFacts(
            new TreatmentInfo("MN-PEN", "Microneedling, automated pen", 60, "microneedling-pen", false, false, true),
            calendar,
            new ClinicResources(practitioners, rooms, [.. pens, .. rollers]),
            new TreatmentRequirements("MN-PEN", new Dictionary<string, IReadOnlyList<string>>
            {
                ["hyperpigmentation"] = ["microneedling-device-training"],
                ["hypopigmentation"] = ["microneedling-device-training"],
                ["acne-scars"] = ["microneedling-device-training"],
            }));
        allPractitioners = new AvailabilityCriteria("MN-PEN", From, To, null, null);
        onePractitioner = new AvailabilityCriteria("MN-PEN", From, To, practitioners[0].Id, "hyperpigmentation");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var appointments = Appointments(random, practitioners, rooms, pens, calendar);
        options = Options(appointments.Count);
        using (var db = new BookingDbContext(options))
        {
            Populate(db, appointments);
        }
        Console.WriteLine($"// Database ready ({appointments.Count} appointments, {Provider}) in {watch.Elapsed.TotalSeconds:F1} s.");

        // The scenario must find slots, and must not read the past: check once, outside the measurement.
        using (var db = new BookingDbContext(options))
        {
            var clinic = new ClinicHours(calendar);
            var busy = AvailabilityLoader.LoadBusyAsync(db, [.. practitioners.Select(p => p.Id)], [.. rooms.Select(r => r.Id)], [.. pens.Select(d => d.Id)],
                Now, clinic.ToUtc(To.AddDays(1), TimeOnly.MinValue), CancellationToken.None).GetAwaiter().GetResult();
            var schedules = ScheduleReader.LoadSchedulesAsync(db, [.. practitioners.Select(p => p.Id)], From, To, CancellationToken.None).GetAwaiter().GetResult();
            uncapped = new SlotSearch(clinic, From, To, TimeSpan.FromMinutes(60), Now,
                [.. practitioners.Select(p => new SlotCandidate(p.Id, p.Qualifications[0].ExpiresOn ?? DateOnly.MaxValue, schedules[p.Id]))],
                [.. rooms.Select(r => r.Id)], [.. pens.Select(d => d.Id)], busy, int.MaxValue);
        }
        var all = AllPractitioners30Days();
        var one = OnePractitioner30Days();
        var full = SlotFinderOnly20Practitioners30DaysUncapped();
        if (all != SlotFinder.DefaultMaxSlots || one is 0 or >= SlotFinder.DefaultMaxSlots || full <= SlotFinder.DefaultMaxSlots)
        {
            throw new InvalidOperationException($"Unexpected benchmark scenario: {all}, {one}, {full} slots.");
        }
        Console.WriteLine($"// Scenario: {all} slots (capped), {one} for one practitioner, {full} uncapped over 30 days.");
    }

    [GlobalCleanup]
    public void Cleanup() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    /// <summary>The endpoint's path for a search over every practitioner: capped at 1000 slots.</summary>
    [Benchmark]
    public int AllPractitioners30Days() => Search(allPractitioners);

    /// <summary>One practitioner over 30 days: every day is computed (fewer than 1000 slots).</summary>
    [Benchmark]
    public int OnePractitioner30Days() => Search(onePractitioner);

    /// <summary>SlotFinder alone, without the cap, on data already loaded: every slot of 20 practitioners over 30 days.</summary>
    [Benchmark]
    public int SlotFinderOnly20Practitioners30DaysUncapped() => SlotFinder.Find(uncapped).Slots.Count;

    private int Search(AvailabilityCriteria criteria)
    {
        // A new context per search, as per request in the service.
        using var db = new BookingDbContext(options);
        return AvailabilityLoader.FindAsync(db, facts, criteria, Now, CancellationToken.None).GetAwaiter().GetResult().Result.Slots.Count;
    }

    private DbContextOptions<BookingDbContext> Options(int rows)
    {
        // Named after the model and the data, so a changed model or data set builds a new database.
        string Name(DbContextOptions<BookingDbContext> o)
        {
            using var db = new BookingDbContext(o);
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(db.Database.GenerateCreateScript() + DataVersion + rows));
            return $"needling_bench_availability_{Convert.ToHexStringLower(hash)[..12]}";
        }
        if (Provider == "PostgreSql")
        {
            var admin = Environment.GetEnvironmentVariable("NEEDLING_BENCH_POSTGRES")!;
            var probe = Build(DatabaseProvider.PostgreSql, admin);
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = Name(probe) };
            return Build(DatabaseProvider.PostgreSql, builder.ConnectionString);
        }
        var probeFile = Path.Combine(Path.GetTempPath(), "needling-bench-probe.db");
        var file = Path.Combine(Path.GetTempPath(), Name(Build(DatabaseProvider.Sqlite, $"Data Source={probeFile}")) + ".db");
        return Build(DatabaseProvider.Sqlite, $"Data Source={file}");
    }

    private static DbContextOptions<BookingDbContext> Build(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<BookingDbContext>();
        builder.UseNeedlingDatabase(provider, connectionString, BookingDbContext.Schema);
        return builder.Options;
    }

    /// <summary>1,000,000 past appointments over about eight years, and a half-full 30 days ahead.</summary>
    private static List<Appointment> Appointments(Random random, List<PractitionerInfo> practitioners, List<RoomInfo> rooms, List<DeviceInfo> pens, ClinicCalendar calendar)
    {
        var list = new List<Appointment>(PastAppointments + 2_000);
        // 20,000 patients with 50 appointments each, on average.
        var patients = Enumerable.Range(0, 20_000).Select(_ => NewId(random)).ToArray();
        string[] statuses = [AppointmentStatus.Fulfilled, AppointmentStatus.Fulfilled, AppointmentStatus.Fulfilled, AppointmentStatus.Cancelled, AppointmentStatus.NoShow];
        var step = TimeSpan.FromDays(8 * 365.25).Ticks / PastAppointments;
        for (var i = 0; i < PastAppointments; i++)
        {
            var start = Now.AddTicks(-(i + 1) * step - TimeSpan.TicksPerHour);
            list.Add(Appointment(patients[random.Next(patients.Length)], practitioners[i % 20].Id, rooms[i % 6].Id, pens[i % 4].Id, start, statuses[i % statuses.Length]));
        }
        // Ahead: each practitioner has three one-hour appointments on each open day, in turn over rooms and pens.
        var clinic = new ClinicHours(calendar);
        var n = 0;
        for (var date = From; date <= To; date = date.AddDays(1))
        {
            if (WorkingTime.OpenIntervals(clinic, date) is not { Count: > 0 } open)
            {
                continue;
            }
            for (var p = 0; p < practitioners.Count; p++)
            {
                foreach (var hour in new[] { 9, 12, 15 })
                {
                    var start = clinic.ToUtc(date, new TimeOnly(hour, 0)).AddMinutes(15 * (p % 4));
                    if (start.AddHours(1) > open[^1].End)
                    {
                        continue;
                    }
                    n++;
                    list.Add(Appointment(patients[random.Next(patients.Length)], practitioners[p].Id, rooms[n % 6].Id, pens[n % 4].Id, start, AppointmentStatus.Booked));
                }
            }
        }
        return list;
    }

    private static Guid NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static Appointment Appointment(Guid patient, Guid practitioner, Guid room, Guid device, DateTime start, string status) => new()
    {
        // Time-ordered ids, as Guid.CreateVersion7 gives the service.
        Id = Guid.CreateVersion7(new DateTimeOffset(start.AddDays(-14))),
        PatientId = patient,
        PractitionerId = practitioner,
        RoomId = room,
        DeviceId = device,
        TreatmentCode = "MN-PEN",
        Indication = "hyperpigmentation",
        StartUtc = start,
        EndUtc = start.AddHours(1),
        Status = status,
        PatientInitials = "A. B.",
        EligibilityOutcome = "Allowed",
        RuleSetVersion = 1,
        CreatedAtUtc = start.AddDays(-14),
        UpdatedAtUtc = start.AddDays(-14),
    };

    /// <summary>Creates the tables from the model and bulk-inserts with raw multi-row INSERTs in one transaction.</summary>
    private static void Populate(BookingDbContext db, List<Appointment> appointments)
    {
        db.Database.EnsureCreated();
        if (db.Appointments.Count() == appointments.Count)
        {
            return; // built by an earlier run
        }
        db.Database.EnsureDeleted();
        db.Database.EnsureCreated();
        var entity = db.Model.FindEntityType(typeof(Appointment))!;
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)));
        var table = sql.DelimitIdentifier(store.Name, store.Schema);
        var connection = db.Database.GetDbConnection();
        connection.Open();
        if (db.Database.IsSqlite())
        {
            // A large page cache for the bulk insert only: five indexes over a million rows.
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA cache_size = -400000";
            pragma.ExecuteNonQuery();
        }
        var batchRows = db.Database.IsSqlite() ? 1 : PostgresBatchRows;
        var indexes = DropIndexes(db, connection, store);
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var converters = properties.Select(p => p.GetRelationalTypeMapping().Converter).ToArray();
        using var transaction = connection.BeginTransaction();
        // One prepared statement of batchRows rows, its parameter values replaced for each batch; the rest in one last statement.
        DbCommand? batch = null;
        for (var offset = 0; offset < appointments.Count; offset += batchRows)
        {
            var rows = Math.Min(batchRows, appointments.Count - offset);
            if (rows < batchRows)
            {
                using var last = Insert(connection, transaction, table, columns, properties, appointments, offset, rows);
                last.ExecuteNonQuery();
                break;
            }
            if (batch is null)
            {
                batch = Insert(connection, transaction, table, columns, properties, appointments, offset, rows);
                batch.Prepare();
            }
            else
            {
                for (var r = 0; r < rows; r++)
                {
                    for (var c = 0; c < properties.Count; c++)
                    {
                        var value = getters[c].GetClrValue(appointments[offset + r]);
                        batch.Parameters[r * properties.Count + c].Value = (converters[c] is { } converter && value is not null ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
                    }
                }
            }
            batch.ExecuteNonQuery();
        }
        batch?.Dispose();
        // In the same transaction, so that a database with the rows always has its indexes.
        foreach (var create in indexes)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = create;
            command.ExecuteNonQuery();
        }
        transaction.Commit();
        if (!db.Database.IsSqlite())
        {
            // PostgreSQL's autovacuum would have analysed a table this size; SQLite gathers no statistics unless told.
            using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE";
            analyze.ExecuteNonQuery();
        }
        connection.Close();
    }

    /// <summary>Drops the table's secondary indexes and returns the statements that recreate them (sorting once beats a million random inserts).</summary>
    private static List<string> DropIndexes(BookingDbContext db, DbConnection connection, StoreObjectIdentifier table)
    {
        var sqlite = db.Database.IsSqlite();
        var creates = new List<(string Name, string Sql)>();
        using (var query = connection.CreateCommand())
        {
            query.CommandText = sqlite
                ? $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table.Name}' AND sql IS NOT NULL"
                : $"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = '{table.Schema}' AND tablename = '{table.Name}' AND indexname NOT LIKE 'pk_%'";
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                creates.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var (name, _) in creates)
        {
            using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP INDEX {sql.DelimitIdentifier(name, sqlite ? null : table.Schema)}";
            drop.ExecuteNonQuery();
        }
        return [.. creates.Select(c => c.Sql)];
    }

    private static DbCommand Insert(DbConnection connection, DbTransaction transaction, string table, string columns, List<IProperty> properties, List<Appointment> rows, int offset, int count)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new StringBuilder();
        for (var r = 0; r < count; r++)
        {
            values.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < properties.Count; c++)
            {
                var name = $"p{r}_{c}";
                values.Append(c == 0 ? "" : ", ").Append('@').Append(name);
                var property = properties[c];
                command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, property.GetGetter().GetClrValue(rows[offset + r]), property.IsNullable));
            }
            values.Append(')');
        }
        command.CommandText = $"INSERT INTO {table} ({columns}) VALUES {values}";
        return command;
    }
}
