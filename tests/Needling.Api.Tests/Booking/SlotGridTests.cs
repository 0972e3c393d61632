using System.Net;
using System.Net.Http.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Booking;

/// <summary>
/// Appointments start on the 15-minute grid of clinic time that availability offers: a start with seconds, or at
/// 10:07, is refused as bad input naming start, and nothing is booked or moved. (The test clinic runs on UTC.)
/// </summary>
public abstract class SlotGridTests(AppFixture app)
{
    private static async Task StartIsNamed(HttpResponseMessage response)
    {
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("15-minute grid", problem.GetProperty("errors").GetProperty("start")[0].GetString());
    }

    [Fact]
    public async Task A_booking_off_the_15_minute_grid_or_with_seconds_is_refused_naming_start()
    {
        var r = await BookingSetup.Create(app, "Grid");
        using var desk = await app.As("Receptionist");
        var ten = BookingSetup.NextWeekday(10, weeksAhead: 2);

        await StartIsNamed(await desk.Book(BookingSetup.Booking(r, ten.AddSeconds(30))));
        await StartIsNamed(await desk.Book(BookingSetup.Booking(r, ten.AddMinutes(7))));
        await StartIsNamed(await desk.Book(BookingSetup.Booking(r, ten.AddMilliseconds(1))));
        // Nothing was booked: had any of them been, this 60-minute neighbour would clash with it (409).
        await (await desk.Book(BookingSetup.Booking(r, ten.AddMinutes(15)))).Json(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_reschedule_off_the_15_minute_grid_is_refused_naming_start_and_the_appointment_stays()
    {
        var r = await BookingSetup.Create(app, "GridMove");
        using var desk = await app.As("Receptionist");
        var ten = BookingSetup.NextWeekday(10, weeksAhead: 2);
        var id = (await (await desk.Book(BookingSetup.Booking(r, ten))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();

        await StartIsNamed(await desk.PostMatchingAsync($"/appointments/{id}/reschedule", new { start = ten.AddHours(1).AddMinutes(50) }));
        var appointment = await (await desk.GetAsync($"/appointments/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal(ten.UtcDateTime, appointment.GetProperty("startUtc").GetDateTime().ToUniversalTime());

        await desk.PostOk($"/appointments/{id}/reschedule", new { start = ten.AddHours(1).AddMinutes(45) }, HttpStatusCode.OK);
    }
}

public sealed class SlotGridTestsOnSqlite(SqliteApp app) : SlotGridTests(app), IClassFixture<SqliteApp>;

public sealed class SlotGridTestsOnPostgres(PostgresApp app) : SlotGridTests(app), IClassFixture<PostgresApp>;

public sealed class SlotGridTestsOnSqlServer(SqlServerApp app) : SlotGridTests(app), IClassFixture<SqlServerApp>;
