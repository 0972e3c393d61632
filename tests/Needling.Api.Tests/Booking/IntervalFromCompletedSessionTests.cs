using System.Net;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Booking;

/// <summary>
/// Counting the interval from a session that took place: checked in, recorded and signed, which completes the
/// appointment. The test moves the service's clock past the first session (each test class has its own fixture).
/// </summary>
public abstract class IntervalFromCompletedSessionTests(AppFixture app)
{
    private static string RuleId(System.Text.Json.JsonElement problem) => problem.GetProperty("ruleId").GetString()!;

    [Fact]
    public async Task A_second_microneedling_session_13_days_after_a_completed_one_is_refused_and_14_days_after_is_booked()
    {
        var setup = new SessionSetup(app);
        // A Tuesday, so that 13 and 14 days later (Monday, Tuesday) the clinic is open whatever day the test runs.
        var first = await setup.CheckedInAsync(day: DayOfWeek.Tuesday);
        using (var chair = await setup.SignedIn(first.Chair))
        {
            await setup.SignedSessionAsync(chair, first);
        }
        using var admin = await app.As("Admin", freshToken: true);
        using var desk = await app.As("Receptionist", freshToken: true);
        var room = await BookingSetup.Room(admin);
        var pen = await BookingSetup.Pen(admin);
        object Booking(DateTimeOffset start) => new
        {
            patientId = first.Patient, practitionerId = first.Chair.PractitionerId, roomId = room, deviceId = pen, treatmentCode = "MN-PEN", indication = "hyperpigmentation", start,
        };

        var tooSoon = await (await desk.Book(Booking(first.Start.AddDays(13)))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("proto.mn-pen.hyperpigmentation", RuleId(tooSoon));
        var findings = tooSoon.GetProperty("details").GetProperty("findings");
        Assert.Contains(findings.EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "proto.mn-pen.hyperpigmentation" && f.GetProperty("severity").GetString() == "Block");
        Assert.Equal(DateOnly.FromDateTime(first.Start.UtcDateTime.AddDays(14)).ToString("yyyy-MM-dd"), tooSoon.GetProperty("details").GetProperty("earliestAllowedOn").GetString());

        await (await desk.Book(Booking(first.Start.AddDays(14)))).Json(HttpStatusCode.Created);
    }
}

public sealed class IntervalFromCompletedSessionTestsOnSqlite(SqliteApp app) : IntervalFromCompletedSessionTests(app), IClassFixture<SqliteApp>;

public sealed class IntervalFromCompletedSessionTestsOnPostgres(PostgresApp app) : IntervalFromCompletedSessionTests(app), IClassFixture<PostgresApp>;

public sealed class IntervalFromCompletedSessionTestsOnSqlServer(SqlServerApp app) : IntervalFromCompletedSessionTests(app), IClassFixture<SqlServerApp>;
