using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Booking;

/// <summary>
/// The date staff are told a patient may next come (earliestAllowedOn) is one the booking will accept: at least 14
/// days (seed 002, MN-PEN for hyperpigmentation) from her sessions and bookings on both sides, and never in the past.
/// An availability search for the patient offers only slots she may take.
/// </summary>
public abstract class NextEligibleDateTests(AppFixture app)
{
    private static string Day(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-dd");

    private static async Task<JsonElement> Ask(HttpClient desk, BookingSetup.Resources r, DateTimeOffset start) =>
        await desk.PostOk("/eligibility", new
        {
            patientId = r.Patient, treatmentCode = "MN-PEN", indication = "hyperpigmentation", practitionerId = r.Practitioner, start,
        }, HttpStatusCode.OK);

    [Fact]
    public async Task The_next_eligible_date_is_14_days_clear_of_a_later_booking_as_well_as_of_an_earlier_one()
    {
        var r = await BookingSetup.Create(app, "NextDate");
        using var desk = await app.As("Receptionist");
        var first = BookingSetup.NextWeekday(10, weeksAhead: 3);
        var later = first.AddDays(21);
        await (await desk.Book(BookingSetup.Booking(r, first))).Json(HttpStatusCode.Created);
        await (await desk.Book(BookingSetup.Booking(r, later))).Json(HttpStatusCode.Created);

        var tooSoon = await Ask(desk, r, first.AddDays(7));
        Assert.Equal("Refused", tooSoon.GetProperty("outcome").GetString());
        // 14 days after the first is only 7 days before the later booking: the first true date is 14 days after that.
        Assert.Equal(Day(later.AddDays(14)), tooSoon.GetProperty("earliestAllowedOn").GetString());

        Assert.Equal("Refused", (await Ask(desk, r, later.AddDays(13))).GetProperty("outcome").GetString());
        await (await desk.Book(BookingSetup.Booking(r, later.AddDays(14)))).Json(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Availability_for_a_patient_offers_no_slot_within_14_days_of_her_booking()
    {
        var r = await BookingSetup.Create(app, "PatientSlots");
        using var desk = await app.As("Receptionist");
        var booked = BookingSetup.NextWeekday(10, weeksAhead: 3);
        await (await desk.Book(BookingSetup.Booking(r, booked))).Json(HttpStatusCode.Created);
        var from = DateOnly.FromDateTime(booked.UtcDateTime).AddDays(1);
        var to = from.AddDays(15);
        async Task<List<DateOnly>> Days(Guid? patientId) =>
            [.. (await desk.PostOk("/availability", new
            {
                treatmentCode = "MN-PEN", from, to, practitionerId = r.Practitioner, indication = "hyperpigmentation", patientId,
            }, HttpStatusCode.OK)).GetProperty("slots").EnumerateArray()
                .Select(s => DateOnly.FromDateTime(s.GetProperty("start").GetDateTimeOffset().DateTime)).Distinct()];

        var anyone = await Days(null);
        Assert.Contains(anyone, d => d < from.AddDays(13)); // the clinic has room in the days after her booking ...
        var hers = await Days(r.Patient);
        Assert.NotEmpty(hers);
        Assert.All(hers, d => Assert.True(d >= from.AddDays(13), $"{d} is within 14 days of her session on {from.AddDays(-1)}"));
        Assert.Contains(from.AddDays(13), hers); // ... but for her the first day is the 14th after it
    }

    [Fact]
    public async Task Availability_for_a_patient_needs_the_indication()
    {
        var r = await BookingSetup.Create(app, "NoIndication");
        using var desk = await app.As("Receptionist");
        var day = DateOnly.FromDateTime(BookingSetup.NextWeekday(10, weeksAhead: 3).UtcDateTime);
        var problem = await (await desk.PostAsJsonAsync("/availability", new { treatmentCode = "MN-PEN", from = day, to = day, patientId = r.Patient }))
            .AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("indication", out _));
    }
}

public sealed class NextEligibleDateTestsOnSqlite(SqliteApp app) : NextEligibleDateTests(app), IClassFixture<SqliteApp>;

public sealed class NextEligibleDateTestsOnPostgres(PostgresApp app) : NextEligibleDateTests(app), IClassFixture<PostgresApp>;

public sealed class NextEligibleDateTestsOnSqlServer(SqlServerApp app) : NextEligibleDateTests(app), IClassFixture<SqlServerApp>;

/// <summary>A date in the past is no answer to "when may she come next?": its own fixture, as it moves the service's clock.</summary>
public sealed class NextEligibleDateIsNeverInThePastTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Thirty_days_after_a_session_the_next_eligible_date_is_today_not_14_days_after_it()
    {
        var r = await BookingSetup.Create(app, "Past");
        using var desk = await app.As("Receptionist");
        var session = BookingSetup.NextWeekday(10, weeksAhead: 1, from: app.Clock.GetUtcNow());
        await (await desk.Book(BookingSetup.Booking(r, session))).Json(HttpStatusCode.Created);
        app.Clock.Advance(session.AddDays(30) - app.Clock.GetUtcNow());
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        using var later = await app.As("Receptionist", freshToken: true);

        var answer = await later.PostOk("/eligibility", new
        {
            patientId = r.Patient, treatmentCode = "MN-PEN", indication = "hyperpigmentation", practitionerId = r.Practitioner, start = session.AddDays(37),
        }, HttpStatusCode.OK);

        Assert.Equal(today.ToString("yyyy-MM-dd"), answer.GetProperty("earliestAllowedOn").GetString());
    }
}
