using System.Net;
using System.Net.Http.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Booking;

/// <summary>A retried request with the same Idempotency-Key returns the first answer and books nothing new.</summary>
public abstract class IdempotencyTests(AppFixture app)
{
    [Fact]
    public async Task A_retried_booking_returns_the_same_appointment_and_creates_nothing_new()
    {
        var r = await BookingSetup.Create(app, "Retry");
        using var desk = await app.As("Receptionist");
        var start = BookingSetup.NextWeekday(10, weeksAhead: 2);
        var key = Guid.NewGuid().ToString();
        var first = await desk.Book(BookingSetup.Booking(r, start), key);
        var second = await desk.Book(BookingSetup.Booking(r, start), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());

        await AssertOneAppointmentAt(desk, r.Patient, start);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_book_once_and_all_get_the_same_answer()
    {
        var r = await BookingSetup.Create(app, "Storm");
        using var desk = await app.As("Receptionist");
        var start = BookingSetup.NextWeekday(12, weeksAhead: 2);
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => desk.Book(BookingSetup.Booking(r, start), key)));
        Assert.All(responses, x => Assert.Equal(HttpStatusCode.Created, x.StatusCode));
        Assert.Single(responses.Select(x => x.Headers.Location).Distinct());
        await AssertOneAppointmentAt(desk, r.Patient, start);
    }

    [Fact]
    public async Task A_retry_after_the_booking_was_cancelled_answers_the_first_booking_and_books_nothing_new()
    {
        // The slot is free again, so nothing but the stored key can tell this retry from a new booking.
        var r = await BookingSetup.Create(app, "Cancelled");
        using var desk = await app.As("Receptionist");
        var start = BookingSetup.NextWeekday(16, weeksAhead: 2);
        var key = Guid.NewGuid().ToString();
        var first = await desk.Book(BookingSetup.Booking(r, start), key);
        var id = (await first.Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        await desk.PostOk($"/appointments/{id}/cancel", new { reason = "Patient unwell" }, HttpStatusCode.OK);

        var retry = await desk.Book(BookingSetup.Booking(r, start), key);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        await AssertOneAppointmentAt(desk, r.Patient, start);
    }

    [Fact]
    public async Task A_refused_booking_leaves_its_key_free_for_the_corrected_request()
    {
        // Only a booking that was made is remembered: after a refusal (outside opening hours) the receptionist
        // corrects the time and sends it again with the same key, and it is booked.
        var r = await BookingSetup.Create(app, "Refused");
        using var desk = await app.As("Receptionist");
        var key = Guid.NewGuid().ToString();
        var refused = await (await desk.Book(BookingSetup.Booking(r, BookingSetup.NextWeekday(22, weeksAhead: 2)), key)).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("schedule.outside-opening-hours", refused.GetProperty("ruleId").GetString());
        await (await desk.Book(BookingSetup.Booking(r, BookingSetup.NextWeekday(13, weeksAhead: 2)), key)).Json(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Reusing_a_key_for_a_different_booking_is_refused()
    {
        var r = await BookingSetup.Create(app, "Reuse");
        using var desk = await app.As("Receptionist");
        var key = Guid.NewGuid().ToString();
        await (await desk.Book(BookingSetup.Booking(r, BookingSetup.NextWeekday(14, weeksAhead: 2)), key)).Json(HttpStatusCode.Created);
        var problem = await (await desk.Book(BookingSetup.Booking(r, BookingSetup.NextWeekday(15, weeksAhead: 2)), key)).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("idempotency.key-reused", problem.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task A_retried_reschedule_moves_once_and_answers_the_same()
    {
        var r = await BookingSetup.Create(app, "Reschedule");
        using var desk = await app.As("Receptionist");
        var id = (await (await desk.Book(BookingSetup.Booking(r, BookingSetup.NextWeekday(9, weeksAhead: 3)))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        var key = Guid.NewGuid().ToString();
        var read = await desk.ETagAsync($"/appointments/{id}");
        async Task<HttpResponseMessage> Move()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/appointments/{id}/reschedule") { Content = JsonContent.Create(new { start = BookingSetup.NextWeekday(11, weeksAhead: 3) }) };
            request.Headers.Add("Idempotency-Key", key);
            request.Headers.Add("If-Match", read); // the retry repeats the request as it was: the replay comes first
            return await desk.SendAsync(request);
        }
        var first = await (await Move()).Json(HttpStatusCode.OK);
        var again = await (await Move()).Json(HttpStatusCode.OK);
        Assert.Equal(first.ToString(), again.ToString());
        Assert.Equal(1, (await desk.GetOk($"/appointments/{id}")).GetProperty("sequence").GetInt32());
    }

    /// <summary>What the receptionist would check: the patient has exactly one appointment at that time.</summary>
    private static async Task AssertOneAppointmentAt(HttpClient desk, Guid patient, DateTimeOffset start)
    {
        var found = await desk.PostOk("/appointments/search", new { from = start.AddHours(-1), to = start.AddHours(2), patientId = patient }, HttpStatusCode.OK);
        Assert.Single(found.EnumerateArray());
    }
}

public sealed class IdempotencyTestsOnSqlite(SqliteApp app) : IdempotencyTests(app), IClassFixture<SqliteApp>;

public sealed class IdempotencyTestsOnPostgres(PostgresApp app) : IdempotencyTests(app), IClassFixture<PostgresApp>;

public sealed class IdempotencyTestsOnSqlServer(SqlServerApp app) : IdempotencyTests(app), IClassFixture<SqlServerApp>;
