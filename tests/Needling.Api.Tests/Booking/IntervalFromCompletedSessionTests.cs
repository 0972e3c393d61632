using System.Net;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Booking;

/// <summary>
/// Counting the interval from a session that took place. The test moves the service's clock past the
/// first session, so it has a fixture of its own: other tests keep a clock that reads the real time.
/// </summary>
public abstract class IntervalFromCompletedSessionTests(AppFixture app)
{
    private static string RuleId(System.Text.Json.JsonElement problem) => problem.GetProperty("ruleId").GetString()!;

    [Fact]
    public async Task A_second_microneedling_session_13_days_after_a_completed_one_is_refused_and_14_days_after_is_booked()
    {
        var r = await BookingSetup.Create(app, "Interval");
        var desk = await app.As("Receptionist");
        (await app.As("Practitioner")).Dispose(); // the account exists before the clock moves
        var first = BookingSetup.NextWeekday(10, weeksAhead: 1, from: app.Clock.GetUtcNow());
        var id = (await (await desk.Book(BookingSetup.Booking(r, first))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        // The session takes place: move the service's clock past it (tokens are judged by that clock, so sign in again).
        app.Clock.Advance(first - app.Clock.GetUtcNow() + TimeSpan.FromHours(1));
        desk.Dispose();
        desk = await app.As("Receptionist", freshToken: true);
        using var clinician = await app.As("Practitioner", freshToken: true);
        await desk.PostOk($"/appointments/{id}/check-in", new { }, HttpStatusCode.OK);
        await clinician.PostOk($"/appointments/{id}/complete", new { }, HttpStatusCode.OK);

        var tooSoon = await (await desk.Book(BookingSetup.Booking(r, first.AddDays(13)))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("proto.mn-pen.hyperpigmentation", RuleId(tooSoon));
        var findings = tooSoon.GetProperty("details").GetProperty("findings");
        Assert.Contains(findings.EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "proto.mn-pen.hyperpigmentation" && f.GetProperty("severity").GetString() == "Block");
        Assert.Equal(DateOnly.FromDateTime(first.UtcDateTime.AddDays(14)).ToString("yyyy-MM-dd"), tooSoon.GetProperty("details").GetProperty("earliestAllowedOn").GetString());

        await (await desk.Book(BookingSetup.Booking(r, first.AddDays(14)))).Json(HttpStatusCode.Created);
        desk.Dispose();
    }

}

public sealed class IntervalFromCompletedSessionTestsOnSqlite(SqliteApp app) : IntervalFromCompletedSessionTests(app), IClassFixture<SqliteApp>;

public sealed class IntervalFromCompletedSessionTestsOnPostgres(PostgresApp app) : IntervalFromCompletedSessionTests(app), IClassFixture<PostgresApp>;
