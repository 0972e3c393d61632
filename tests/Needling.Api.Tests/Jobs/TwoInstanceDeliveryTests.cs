using System.Net;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Jobs;

/// <summary>Two replicas on one server database: both dispatch, both run Hangfire servers, and each fact reaches each consumer once.</summary>
public abstract class TwoInstanceDeliveryTests(AppFixture app, ITestOutputHelper output)
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
            messages.Add((await app.Database.GuidAsync($"SELECT id FROM {app.Database.Table("booking", "outbox")} WHERE payload LIKE @p", ("@p", $"%{p}%")))!.Value);
        }
        Assert.True(await Sql.Eventually(async () => await app.Database.ScalarAsync($"SELECT count(*) FROM consent.inbox WHERE message_id IN ({In(messages)})") == bookings, seconds: 60),
            "every fact handled");
        output.WriteLine($"{bookings} bookings on two instances: all handled by Consent {started.ElapsedMilliseconds} ms after the first was sent");
        await Task.Delay(TimeSpan.FromSeconds(3)); // time for a duplicate, were there one, to show

        Assert.Equal(bookings, await app.Database.ScalarAsync($"SELECT count(*) FROM consent.requests WHERE patient_id IN ({In(patients)})"));
        // One Hangfire job per (message, consumer): neither instance enqueued what the other had. Hangfire's tables are
        // its own, named differently by its PostgreSQL and SQL Server storages.
        var (jobs, arguments, state, servers) = app.Provider == Provider.SqlServer
            ? ("[hangfire].[Job]", "[Arguments]", "[StateName]", "[hangfire].[Server]")
            : ("hangfire.job", "arguments::text", "statename", "hangfire.server");
        foreach (var m in messages)
        {
            Assert.Equal(1, await app.Database.ScalarAsync(
                $"SELECT count(*) FROM {jobs} WHERE {arguments} LIKE @m AND {arguments} LIKE '%RequestConsentWhenBooked%'", ("@m", $"%{m}%")));
        }
        var succeeded = 0L;
        foreach (var m in messages)
        {
            succeeded += await app.Database.ScalarAsync(
                $"SELECT count(*) FROM {jobs} WHERE {state} = 'Succeeded' AND {arguments} LIKE '%RequestConsentWhenBooked%' AND {arguments} LIKE @m", ("@m", $"%{m}%"));
        }
        Assert.Equal(bookings, succeeded);
        Assert.True(await app.Database.ScalarAsync($"SELECT count(*) FROM {servers}") >= 2, "both instances run a Hangfire server");
    }

    // Ids written out: GUIDs, so nothing to escape, and one statement for PostgreSQL and SQL Server alike.
    private static string In(IEnumerable<Guid> ids) => string.Join(", ", ids.Select(id => $"'{id}'"));
}

public sealed class TwoInstanceDeliveryTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : TwoInstanceDeliveryTests(app, output), IClassFixture<PostgresApp>;

public sealed class TwoInstanceDeliveryTestsOnSqlServer(SqlServerApp app, ITestOutputHelper output) : TwoInstanceDeliveryTests(app, output), IClassFixture<SqlServerApp>;
