using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Needling.Api.Tests.Support;
using Needling.Contracts.Booking;
using Needling.SharedKernel.Outbox;

namespace Needling.Api.Tests.Jobs;

/// <summary>
/// Booking's facts reach Consent through the outbox and Hangfire: one job per (fact, consumer), and the consumer's
/// inbox makes a second delivery of the same fact do nothing.
/// </summary>
public abstract class OutboxDeliveryTests(AppFixture app, ITestOutputHelper output)
{
    internal const string ConsentConsumer = "Needling.Consent.Integration.RequestConsentWhenBooked";

    [Fact]
    public async Task A_booked_fact_is_stored_under_its_stable_name_and_handled_by_its_consumer_once()
    {
        var (appointment, message) = await BookAsync();
        var sinceBooked = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal("booking.appointment-booked", await app.Database.TextAsync($"SELECT type FROM {Outbox} WHERE id = @id", ("@id", message)));
        Assert.True(await Sql.Eventually(async () => await InboxCount(message) == 1), "the consumer recorded the fact in its inbox");
        output.WriteLine($"{app.Provider}: booked to handled by Consent within {sinceBooked.ElapsedMilliseconds} ms (polled every 100 ms)");
        var monitor = app.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        var job = monitor.SucceededJobs(0, 1000).FirstOrDefault(j => j.Value.Job?.Args[1] is Guid m && m == message);
        if (job.Key is not null)
        {
            var processed = monitor.JobDetails(job.Key);
            output.WriteLine($"{app.Provider}: Hangfire enqueue-to-start latency {processed.History.First(h => h.StateName == "Succeeded").Data["Latency"]} ms, " +
                $"run {processed.History.First(h => h.StateName == "Succeeded").Data["PerformanceDuration"]} ms");
        }
        Assert.Equal(1, await RequestCount(appointment));
    }

    [Fact]
    public async Task A_fact_delivered_twice_is_handled_once()
    {
        var (appointment, message) = await BookAsync();
        Assert.True(await Sql.Eventually(async () => await InboxCount(message) == 1));
        // Remove what the first delivery did: a consumer without an inbox would open the request again.
        await app.Database.ExecuteAsync($"DELETE FROM {Requests} WHERE appointment_id = @a", ("@a", appointment));

        await DeliverAsync(message);

        Assert.Equal(0, await RequestCount(appointment));
        Assert.Equal(1, await InboxCount(message));
    }

    [Fact]
    public async Task Two_deliveries_of_one_fact_at_the_same_moment_are_handled_once()
    {
        var (appointment, message) = await BookAsync();
        Assert.True(await Sql.Eventually(async () => await InboxCount(message) == 1));
        await app.Database.ExecuteAsync($"DELETE FROM {Requests} WHERE appointment_id = @a", ("@a", appointment));
        await app.Database.ExecuteAsync($"DELETE FROM {Inbox} WHERE message_id = @m", ("@m", message));

        await Task.WhenAll(DeliverAsync(message), DeliverAsync(message), DeliverAsync(message));

        Assert.Equal(1, await RequestCount(appointment));
        Assert.Equal(1, await InboxCount(message));
    }

    [Fact]
    public async Task A_fact_stored_under_its_assembly_qualified_type_name_before_stable_names_is_still_delivered()
    {
        var patient = Guid.NewGuid();
        var appointment = Guid.NewGuid();
        var start = app.Clock.GetUtcNow().UtcDateTime.AddDays(20);
        var payload = JsonSerializer.Serialize(
            new AppointmentBooked(new AppointmentSnapshot(appointment, patient, Guid.NewGuid(), "MN-PEN", "hyperpigmentation", start, start.AddHours(1))),
            JsonSerializerOptions.Web);
        var message = Guid.CreateVersion7();
        await app.Database.ExecuteAsync(
            $"INSERT INTO {Outbox} (id, type, payload, occurred_at_utc) VALUES (@id, @type, @payload, @at)",
            ("@id", message), ("@type", typeof(AppointmentBooked).AssemblyQualifiedName!), ("@payload", payload), ("@at", app.Clock.GetUtcNow().UtcDateTime));

        Assert.True(await Sql.Eventually(async () => await InboxCount(message) == 1), "the old row was dispatched and handled");
        Assert.Equal(1, await RequestCount(appointment));
    }

    private string Outbox => app.Database.Table("booking", "outbox");
    private string Inbox => app.Database.Table("consent", "inbox");
    private string Requests => app.Database.Table("consent", "requests");

    private async Task<(Guid Appointment, Guid Message)> BookAsync()
    {
        var r = await BookingSetup.Create(app, "Outboxed");
        using var desk = await app.As("Receptionist");
        var booked = await (await desk.Book(BookingSetup.Booking(r, BookingSetup.NextWeekday(10, weeksAhead: 6)))).Json(HttpStatusCode.Created);
        var appointment = booked.GetProperty("appointment").Id();
        var message = await app.Database.GuidAsync($"SELECT id FROM {Outbox} WHERE payload LIKE @p", ("@p", $"%{appointment}%"));
        return (appointment, message ?? throw new InvalidOperationException("No outbox message for the booking."));
    }

    private async Task DeliverAsync(Guid message)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var jobs = ActivatorUtilities.CreateInstance<OutboxJobs>(scope.ServiceProvider);
        await jobs.DeliverAsync("booking", message, ConsentConsumer, CancellationToken.None);
    }

    private Task<long> InboxCount(Guid message) =>
        app.Database.ScalarAsync($"SELECT count(*) FROM {Inbox} WHERE message_id = @m AND consumer = @c", ("@m", message), ("@c", ConsentConsumer));

    private Task<long> RequestCount(Guid appointment) =>
        app.Database.ScalarAsync($"SELECT count(*) FROM {Requests} WHERE appointment_id = @a", ("@a", appointment));
}

public sealed class OutboxDeliveryTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : OutboxDeliveryTests(app, output), IClassFixture<SqliteApp>;

public sealed class OutboxDeliveryTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : OutboxDeliveryTests(app, output), IClassFixture<PostgresApp>;

public sealed class OutboxDeliveryTestsOnSqlServer(SqlServerApp app, ITestOutputHelper output) : OutboxDeliveryTests(app, output), IClassFixture<SqlServerApp>;
