using System.Net;
using Needling.Api.Tests.Support;
using Npgsql;

namespace Needling.Api.Tests.Jobs;

/// <summary>Two replicas on one PostgreSQL database: both dispatch, both run Hangfire servers, and each fact reaches each consumer once.</summary>
public sealed class TwoInstanceDeliveryTests(PostgresApp app, ITestOutputHelper output) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task Two_instances_on_one_database_hand_each_booked_fact_to_its_consumer_in_exactly_one_job_and_handle_it_once()
    {
        await using var second = app.AnotherInstance();
        using var deskOnFirst = await app.As("Receptionist");
        using var deskOnSecond = await app.As("Receptionist", second);
        const int bookings = 16;
        var setups = new List<BookingSetup.Resources>();
        for (var i = 0; i < bookings; i++)
        {
            setups.Add(await BookingSetup.Create(app, "TwoInstances"));
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        // Half the bookings on each instance, all at once: both dispatch loops and both Hangfire servers are busy.
        await Task.WhenAll(setups.Select((r, i) => (i % 2 == 0 ? deskOnFirst : deskOnSecond)
            .Book(BookingSetup.Booking(r, BookingSetup.NextWeekday(9 + i % 8, weeksAhead: 8 + i / 8)))
            .ContinueWith(t => Assert.Equal(HttpStatusCode.Created, t.Result.StatusCode))));

        var patients = setups.Select(s => s.Patient).ToArray();
        var messages = new List<Guid>();
        foreach (var p in patients)
        {
            messages.Add((await app.Database.GuidAsync("SELECT id FROM booking.outbox WHERE payload LIKE @p", ("@p", $"%{p}%")))!.Value);
        }
        Assert.True(await Sql.Eventually(async () => await Count("SELECT count(*) FROM consent.inbox WHERE message_id = ANY(@m)", messages) == bookings, seconds: 60),
            "every fact handled");
        output.WriteLine($"{bookings} bookings on two instances: all handled by Consent {started.ElapsedMilliseconds} ms after the first was sent");
        await Task.Delay(TimeSpan.FromSeconds(3)); // time for a duplicate, were there one, to show

        Assert.Equal(bookings, await Count("SELECT count(*) FROM consent.requests WHERE patient_id = ANY(@m)", patients));
        // One Hangfire job per (message, consumer): neither instance enqueued what the other had.
        foreach (var m in messages)
        {
            Assert.Equal(1, await Count("SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE '%' || @m || '%' AND arguments::text LIKE '%RequestConsentWhenBooked%'", m.ToString()));
        }
        Assert.Equal(bookings, await Count("SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded' AND arguments::text LIKE '%RequestConsentWhenBooked%' AND arguments::text LIKE ANY(@m)",
            messages.Select(m => $"%{m}%").ToArray()));
        Assert.True(await Count("SELECT count(*) FROM hangfire.server", null) >= 2, "both instances run a Hangfire server");
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var byServer = new NpgsqlCommand(
            "SELECT s.data::json->>'ServerId', count(*) FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid " +
            "WHERE s.name = 'Processing' AND j.arguments::text LIKE '%RequestConsentWhenBooked%' GROUP BY 1", connection);
        await using var reader = await byServer.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            output.WriteLine($"server {reader.GetString(0)} ran {reader.GetInt64(1)} deliveries");
        }
    }

    private async Task<long> Count(string sql, object? parameter)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("m", parameter);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
