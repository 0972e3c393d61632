using System.Net;
using System.Net.Http.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Booking;

/// <summary>Booking asks the eligibility question: refusals are 422 naming each rule, warnings are stored and returned.</summary>
public abstract class BookingEligibilityTests(AppFixture app)
{
    private static string RuleId(System.Text.Json.JsonElement problem) => problem.GetProperty("ruleId").GetString()!;

    [Fact]
    public async Task Two_future_sessions_5_days_apart_are_refused_in_either_order()
    {
        var r = await BookingSetup.Create(app, "Future");
        using var desk = await app.As("Receptionist");
        var later = BookingSetup.NextWeekday(10, weeksAhead: 4, day: DayOfWeek.Wednesday); // 5 days either side: Friday and Monday
        await (await desk.Book(BookingSetup.Booking(r, later))).Json(HttpStatusCode.Created);
        var before = await (await desk.Book(BookingSetup.Booking(r, later.AddDays(-5)))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("proto.mn-pen.hyperpigmentation", RuleId(before));
        var after = await (await desk.Book(BookingSetup.Booking(r, later.AddDays(5)))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("proto.mn-pen.hyperpigmentation", RuleId(after));
    }

    [Fact]
    public async Task An_absolute_contraindication_refuses_the_booking_and_nothing_is_written()
    {
        var r = await BookingSetup.Create(app, "Infected");
        using var desk = await app.As("Receptionist");
        await desk.PostOk($"/patients/{r.Patient}/screening", new { kind = "skin-finding", code = "active-infection", area = "cheeks", startedOn = DateTime.UtcNow.ToString("yyyy-MM-dd") });
        var start = BookingSetup.NextWeekday(14);
        var problem = await (await desk.Book(BookingSetup.Booking(r, start))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("ci.active-infection", RuleId(problem));
        Assert.Contains("[ci.active-infection]", problem.Detail());
        var found = await desk.PostOk("/appointments/search", new { from = start.AddHours(-1), to = start.AddHours(2), patientId = r.Patient }, HttpStatusCode.OK);
        Assert.Empty(found.EnumerateArray());
    }

    [Fact]
    public async Task A_practitioner_without_the_qualification_is_refused()
    {
        var r = await BookingSetup.Create(app, "Unqualified");
        using var admin = await app.As("Admin");
        var unqualified = await admin.RegisterPractitioner(BookingSetup.Unique("Dr"), ["physician"]);
        using var desk = await app.As("Receptionist");
        var problem = await (await desk.Book(BookingSetup.Booking(r with { Practitioner = unqualified }, BookingSetup.NextWeekday(10)))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("practitioner.qualification", RuleId(problem));
    }

    [Fact]
    public async Task Warnings_do_not_stop_a_booking_and_are_stored_with_it()
    {
        var r = await BookingSetup.Create(app, "Warned");
        using var desk = await app.As("Receptionist");
        await desk.PostOk($"/patients/{r.Patient}/screening", new { kind = "medication", code = "anticoagulant", name = "Warfarin", startedOn = "2022-01-01" });
        var booked = await (await desk.Book(BookingSetup.Booking(r, BookingSetup.NextWeekday(16)))).Json(HttpStatusCode.Created);
        Assert.Contains(booked.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("ruleId").GetString() == "ci.anticoagulant-antiplatelet");
        var stored = await desk.GetOk($"/appointments/{booked.GetProperty("appointment").Id()}");
        Assert.Equal("AllowedWithWarnings", stored.GetProperty("eligibilityOutcome").GetString());
        Assert.Contains(stored.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("ruleId").GetString() == "ci.anticoagulant-antiplatelet");
    }

    [Fact]
    public async Task Active_infection_recorded_on_the_face_refuses_booking_microneedling_of_the_cheeks_but_not_of_the_neck()
    {
        var r = await BookingSetup.Create(app, "FaceInfection");
        using var desk = await app.As("Receptionist");
        await desk.PostOk($"/patients/{r.Patient}/screening", new { kind = "skin-finding", code = "active-infection", area = "face", startedOn = DateTime.UtcNow.ToString("yyyy-MM-dd") });
        var start = BookingSetup.NextWeekday(11, weeksAhead: 2);
        object On(params string[] areas) => new
        {
            patientId = r.Patient, practitionerId = r.Practitioner, roomId = r.Room, deviceId = r.Device,
            treatmentCode = "MN-PEN", indication = "hyperpigmentation", start, treatedAreas = areas,
        };

        var problem = await (await desk.Book(On("cheeks"))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("ci.active-infection", RuleId(problem));
        await (await desk.Book(On("neck"))).Json(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Treated_areas_outside_the_body_area_list_are_refused_when_booking_and_rescheduling()
    {
        var r = await BookingSetup.Create(app, "AreaCodes");
        using var desk = await app.As("Receptionist");
        var booking = new
        {
            patientId = r.Patient, practitionerId = r.Practitioner, roomId = r.Room, deviceId = r.Device,
            treatmentCode = "MN-PEN", indication = "hyperpigmentation", start = BookingSetup.NextWeekday(12, weeksAhead: 3), treatedAreas = new[] { "left cheek" },
        };
        var refused = await (await desk.Book(booking)).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("cheeks", refused.GetProperty("errors").GetProperty("treatedAreas")[0].GetString());

        var moved = await (await desk.PostMatchingAsync($"/appointments/{Guid.NewGuid()}/reschedule", new { start = BookingSetup.NextWeekday(12, weeksAhead: 4), treatedAreas = new[] { "eyes" } }))
            .AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(moved.GetProperty("errors").TryGetProperty("treatedAreas", out _));
    }

    [Fact]
    public async Task Rescheduling_asks_the_interval_question_again()
    {
        var r = await BookingSetup.Create(app, "Moved");
        using var desk = await app.As("Receptionist");
        var a = BookingSetup.NextWeekday(10, weeksAhead: 6);
        await (await desk.Book(BookingSetup.Booking(r, a))).Json(HttpStatusCode.Created);
        var second = (await (await desk.Book(BookingSetup.Booking(r, a.AddDays(21)))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        var problem = await (await desk.PostMatchingAsync($"/appointments/{second}/reschedule", new { start = a.AddDays(7) })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("proto.mn-pen.hyperpigmentation", RuleId(problem));
        // moving it a little within its own window does not clash with itself
        await desk.PostOk($"/appointments/{second}/reschedule", new { start = a.AddDays(21).AddHours(1) }, HttpStatusCode.OK);
    }
}

public sealed class BookingEligibilityTestsOnSqlite(SqliteApp app) : BookingEligibilityTests(app), IClassFixture<SqliteApp>;

public sealed class BookingEligibilityTestsOnPostgres(PostgresApp app) : BookingEligibilityTests(app), IClassFixture<PostgresApp>;

public sealed class BookingEligibilityTestsOnSqlServer(SqlServerApp app) : BookingEligibilityTests(app), IClassFixture<SqlServerApp>;
