using System.Net;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Booking;

/// <summary>
/// A booking refused because the slot is taken is an everyday answer at a busy desk: on PostgreSQL it is the
/// exclusion constraint that refuses it, and the log gets one Information line for it, not EF's multi-line
/// error with the SQL for every request. PostgreSQL only: on SQLite and SQL Server the clash check refuses the booking
/// before anything is written, so no database error is raised or logged.
/// </summary>
public sealed class RefusedBookingLogTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task A_booking_refused_by_the_exclusion_constraint_logs_one_information_line_and_no_error()
    {
        var first = await BookingSetup.Create(app, "LogFirst");
        var second = await BookingSetup.Create(app, "LogSecond");
        using var desk = await app.As("Receptionist");
        var start = BookingSetup.NextWeekday(13, weeksAhead: 6);
        await (await desk.Book(BookingSetup.Booking(first, start))).Json(HttpStatusCode.Created);
        var before = app.Logs.Lines.Count;

        var refused = await (await desk.Book(BookingSetup.Booking(second with { Practitioner = first.Practitioner }, start)))
            .AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("practitioner", refused.GetProperty("resource").GetString());

        var lines = app.Logs.Lines.Skip(before).ToList();
        var refusal = Assert.Single(lines, l => l.Contains("Booking refused (409)", StringComparison.Ordinal));
        Assert.StartsWith("Information ", refusal);
        Assert.Contains("practitioner", refusal);
        Assert.DoesNotContain(lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Warning", StringComparison.Ordinal)
            || l.StartsWith("Critical", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => !l.StartsWith("Debug", StringComparison.Ordinal) && !l.StartsWith("Trace", StringComparison.Ordinal)
            && (l.Contains("Failed executing DbCommand", StringComparison.Ordinal) || l.Contains("saving changes", StringComparison.Ordinal)));
    }
}
