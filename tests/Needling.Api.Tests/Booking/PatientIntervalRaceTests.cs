using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Booking;

/// <summary>
/// Two receptionists, on two instances of the service behind a load balancer, book or move the same patient's
/// microneedling at the same moment at different times within days of each other. The 14-day interval (seed 002)
/// must hold: exactly one wins, every other request is refused naming the interval rule. Bookings of different
/// patients do not wait for each other and all succeed. On the server databases only (PostgreSQL's advisory lock, SQL
/// Server's application lock): SQLite runs in one process, where writes are serialized anyway.
/// </summary>
public abstract class PatientIntervalRaceTests(AppFixture app)
{
    private const int Requests = 20;
    private const string IntervalRule = "proto.mn-pen.hyperpigmentation";

    // 20 different starts within one working week (Monday to Friday, 4 days apart at most): any two are closer than 14 days.
    private static List<DateTimeOffset> StartsWithinAWeek(int weeksAhead)
    {
        var monday = BookingSetup.NextWeekday(0, weeksAhead, DayOfWeek.Monday);
        return [.. Enumerable.Range(0, Requests).Select(i => monday.AddDays(i % 5).AddHours(9 + 2 * (i / 5)))];
    }

    private async Task<(HttpStatusCode Status, string Body)[]> AllAtOnce(
        WebApplicationFactory<Program> second, Func<HttpClient, int, Task<HttpResponseMessage>> send)
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < Requests; i++)
        {
            clients.Add(i % 2 == 0 ? await app.As("Receptionist") : await app.As("Receptionist", second));
        }
        using var go = new ManualResetEventSlim(false);
        var tasks = clients.Select((client, i) => Task.Run(async () =>
        {
            go.Wait();
            using var response = await send(client, i);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(tasks);
        clients.ForEach(c => c.Dispose());
        return results;
    }

    private static void ExactlyOneWonAndTheOthersNameTheIntervalRule((HttpStatusCode Status, string Body)[] results, HttpStatusCode won)
    {
        Assert.Equal(1, results.Count(r => r.Status == won));
        foreach (var refused in results.Where(r => r.Status != won))
        {
            Assert.True(refused.Status == HttpStatusCode.UnprocessableEntity, $"{(int)refused.Status}: {refused.Body}");
            Assert.Equal(IntervalRule, JsonDocument.Parse(refused.Body).RootElement.GetProperty("ruleId").GetString());
        }
    }

    private async Task<int> BookedCount(Guid patient) =>
        (int)await app.Database.ScalarAsync($"SELECT count(*) FROM {app.Database.Table("booking", "appointments")} WHERE patient_id = @p AND status = 'booked'", ("@p", patient));

    [Fact]
    public async Task Twenty_concurrent_bookings_of_one_patient_within_ten_days_on_two_instances_make_one_appointment()
    {
        await using var second = app.AnotherInstance();
        var r = await BookingSetup.Create(app, "IntervalRace");
        var starts = StartsWithinAWeek(weeksAhead: 3);

        var results = await AllAtOnce(second, (client, i) => client.Book(BookingSetup.Booking(r, starts[i])));

        ExactlyOneWonAndTheOthersNameTheIntervalRule(results, HttpStatusCode.Created);
        Assert.Equal(1, await BookedCount(r.Patient));
    }

    [Fact]
    public async Task Twenty_concurrent_reschedules_of_one_patients_sessions_into_the_same_week_on_two_instances_move_one()
    {
        await using var second = app.AnotherInstance();
        var r = await BookingSetup.Create(app, "RescheduleRace");
        using var desk = await app.As("Receptionist");
        // Twenty sessions three weeks apart (each allowed), then all twenty moved at once into one week three
        // weeks after the last: the first move to land is allowed, and every other lands within days of it.
        var first = BookingSetup.NextWeekday(10, weeksAhead: 2);
        var appointments = new List<Guid>();
        for (var i = 0; i < Requests; i++)
        {
            var booked = await (await desk.Book(BookingSetup.Booking(r, first.AddDays(21 * i)))).Json(HttpStatusCode.Created);
            appointments.Add(booked.GetProperty("appointment").Id());
        }
        var targets = StartsWithinAWeek(weeksAhead: 2 + 3 * Requests + 1);

        var results = await AllAtOnce(second, (client, i) =>
            client.PostMatchingAsync($"/appointments/{appointments[i]}/reschedule", new { start = targets[i] }));

        ExactlyOneWonAndTheOthersNameTheIntervalRule(results, HttpStatusCode.OK);
        Assert.Equal(Requests, await BookedCount(r.Patient));
        Assert.Equal(1L, await app.Database.ScalarAsync(
            $"SELECT count(*) FROM {app.Database.Table("booking", "appointments")} WHERE patient_id = @p AND start_utc >= @from", ("@p", r.Patient), ("@from", targets.Min().UtcDateTime)));
    }

    [Fact]
    public async Task Twenty_patients_booked_at_the_same_moment_on_two_instances_are_all_booked()
    {
        await using var second = app.AnotherInstance();
        var setups = new List<BookingSetup.Resources>();
        for (var i = 0; i < Requests; i++)
        {
            setups.Add(await BookingSetup.Create(app, "ParallelPatients"));
        }
        var start = BookingSetup.NextWeekday(11, weeksAhead: 4);

        var results = await AllAtOnce(second, (client, i) => client.Book(BookingSetup.Booking(setups[i], start)));

        Assert.All(results, x => Assert.True(x.Status == HttpStatusCode.Created, $"{(int)x.Status}: {x.Body}"));
    }
}

public sealed class PatientIntervalRaceTestsOnPostgres(PostgresApp app) : PatientIntervalRaceTests(app), IClassFixture<PostgresApp>;

public sealed class PatientIntervalRaceTestsOnSqlServer(SqlServerApp app) : PatientIntervalRaceTests(app), IClassFixture<SqlServerApp>;
