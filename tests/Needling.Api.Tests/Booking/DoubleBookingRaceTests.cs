using System.Net;
using System.Text.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Booking;

/// <summary>
/// Fifty receptionists press "book" for the same slot at the same moment: exactly one booking is made and
/// the other 49 get 409 naming the resource they clashed on. The database guarantees it, not luck.
/// </summary>
public abstract class DoubleBookingRaceTests(AppFixture app)
{
    private const int Requests = 50;

    private async Task<List<BookingSetup.Resources>> FiftyDistinct()
    {
        using var admin = await app.As("Admin");
        using var desk = await app.As("Receptionist");
        var list = new List<BookingSetup.Resources>();
        for (var i = 0; i < Requests; i++)
        {
            list.Add(new BookingSetup.Resources(
                await admin.RegisterPractitioner(BookingSetup.Unique("Dr"), ["microneedling-device-training"]),
                await BookingSetup.Room(admin),
                await BookingSetup.Pen(admin),
                await desk.RegisterPatient("Racer", BookingSetup.Unique("Race"))));
        }
        return list;
    }

    private async Task Race(Func<BookingSetup.Resources, BookingSetup.Resources> share, string resource, int hour)
    {
        var distinct = await FiftyDistinct();
        var start = BookingSetup.NextWeekday(hour, weeksAhead: 3);
        var clients = new List<HttpClient>();
        for (var i = 0; i < Requests; i++)
        {
            clients.Add(await app.As("Receptionist"));
        }
        using var go = new ManualResetEventSlim(false);
        var bookings = distinct.Select(r => BookingSetup.Booking(share(r), start)).ToList();
        var tasks = bookings.Select((booking, i) => Task.Run(async () =>
        {
            go.Wait();
            var response = await clients[i].Book(booking);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(tasks);
        clients.ForEach(c => c.Dispose());

        Assert.Equal(1, results.Count(x => x.StatusCode == HttpStatusCode.Created));
        var refused = results.Where(x => x.StatusCode != HttpStatusCode.Created).ToList();
        Assert.All(refused, x => Assert.True(x.StatusCode == HttpStatusCode.Conflict, $"{(int)x.StatusCode}: {x.Body}{ServerErrors()}"));
        Assert.All(refused, x => Assert.Equal(resource, JsonDocument.Parse(x.Body).RootElement.GetProperty("resource").GetString()));
        Assert.Equal(Requests - 1, refused.Count);

        using var desk = await app.As("Receptionist");
        var booked = await desk.PostOk("/appointments/search", new { from = start.AddHours(-1), to = start.AddHours(2) }, HttpStatusCode.OK);
        Assert.Equal(1, booked.EnumerateArray().Count(a => distinct.Any(r => r.Patient == a.GetProperty("patientId").GetGuid()) && a.GetProperty("status").GetString() == "booked"));
    }

    [Fact]
    public Task Fifty_bookings_for_the_same_practitioner_and_time_make_one_appointment()
    {
        Guid? shared = null;
        return Race(r => r with { Practitioner = shared ??= r.Practitioner }, "practitioner", 9);
    }

    [Fact]
    public Task Fifty_bookings_for_the_same_room_and_time_make_one_appointment()
    {
        Guid? shared = null;
        return Race(r => r with { Room = shared ??= r.Room }, "room", 11);
    }

    [Fact]
    public Task Fifty_bookings_for_the_same_device_and_time_make_one_appointment()
    {
        Guid? shared = null;
        return Race(r => r with { Device = shared ??= r.Device }, "device", 13);
    }

    [Fact]
    public Task Fifty_bookings_for_the_same_patient_and_time_make_one_appointment()
    {
        Guid? shared = null;
        return Race(r => r with { Patient = shared ??= r.Patient }, "patient", 15);
    }

    /// <summary>What the service logged as an error, so a 500 in a race says why.</summary>
    private string ServerErrors() =>
        string.Concat(app.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).Select(l => "\n" + l));
}

public sealed class DoubleBookingRaceTestsOnSqlite(SqliteApp app) : DoubleBookingRaceTests(app), IClassFixture<SqliteApp>;

public sealed class DoubleBookingRaceTestsOnPostgres(PostgresApp app) : DoubleBookingRaceTests(app), IClassFixture<PostgresApp>;

public sealed class DoubleBookingRaceTestsOnSqlServer(SqlServerApp app) : DoubleBookingRaceTests(app), IClassFixture<SqlServerApp>;
