using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Booking;

/// <summary>Book, reschedule, check in, complete, cancel, no-show: FHIR statuses, refusals, and the audit of every step.</summary>
public abstract class AppointmentLifecycleTests(AppFixture app)
{
    [Fact]
    public async Task A_booking_is_made_for_the_treatments_length_refuses_an_early_check_in_and_records_every_transition()
    {
        var r = await BookingSetup.Create(app);
        using var desk = await app.As("Receptionist");
        using var clinician = await app.As("Practitioner");
        var start = BookingSetup.NextWeekday(10);
        var booked = await (await desk.Book(BookingSetup.Booking(r, start))).Json(HttpStatusCode.Created);
        var appointment = booked.GetProperty("appointment");
        var id = appointment.Id();
        Assert.Equal("booked", appointment.GetProperty("status").GetString());
        Assert.Equal(start.UtcDateTime.AddMinutes(60), appointment.GetProperty("endUtc").GetDateTime()); // MN-PEN default: 60 minutes
        Assert.Equal(1, appointment.GetProperty("ruleSetVersion").GetInt32());

        // A week ahead: too early to check in, and nothing to complete (SessionRecordTests follow a visit to the end).
        var early = await (await desk.PostAsJsonAsync($"/appointments/{id}/check-in", new { })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("appointment.check-in-too-early", early.GetProperty("ruleId").GetString());
        await (await desk.PostAsJsonAsync($"/appointments/{id}/complete", new { })).AssertProblem(HttpStatusCode.Forbidden);
        var notArrived = await (await clinician.PostAsJsonAsync($"/appointments/{id}/complete", new { })).AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("booked", notArrived.Detail());
        await desk.PostOk($"/appointments/{id}/cancel", new { reason = "Patient is travelling" }, HttpStatusCode.OK);

        var history = await desk.GetOk($"/appointments/{id}/history");
        Assert.Equal(["booked", "cancelled"], history.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(["booked", "cancelled"], history.EnumerateArray().Select(e => e.GetProperty("toStatus").GetString()));
        Assert.All(history.EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("actor").GetString())));
    }

    [Fact]
    public async Task An_invalid_transition_is_refused_with_a_problem_naming_both_statuses()
    {
        var r = await BookingSetup.Create(app);
        using var desk = await app.As("Receptionist");
        var id = (await (await desk.Book(BookingSetup.Booking(r, BookingSetup.NextWeekday(11)))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        await desk.PostOk($"/appointments/{id}/cancel", new { reason = "Patient is travelling" }, HttpStatusCode.OK);
        var problem = await (await desk.PostAsJsonAsync($"/appointments/{id}/check-in", new { })).AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("cancelled", problem.Detail());
        Assert.Contains("arrived", problem.Detail());
        await (await desk.PostMatchingAsync($"/appointments/{id}/cancel", new { reason = "" })).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_future_appointment_cannot_be_marked_as_a_no_show()
    {
        var r = await BookingSetup.Create(app);
        using var desk = await app.As("Receptionist");
        var id = (await (await desk.Book(BookingSetup.Booking(r, BookingSetup.NextWeekday(12)))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        var problem = await (await desk.PostAsJsonAsync($"/appointments/{id}/no-show", new { })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("appointment.not-started", problem.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task Cancelling_frees_the_slot_for_someone_else()
    {
        var r = await BookingSetup.Create(app);
        using var desk = await app.As("Receptionist");
        var start = BookingSetup.NextWeekday(13);
        var id = (await (await desk.Book(BookingSetup.Booking(r, start))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        var other = r with { Patient = await desk.RegisterPatient("Next", BookingSetup.Unique("InLine")) };
        await (await desk.Book(BookingSetup.Booking(other, start))).AssertProblem(HttpStatusCode.Conflict);
        await desk.PostOk($"/appointments/{id}/cancel", new { reason = "Feeling unwell" }, HttpStatusCode.OK);
        await (await desk.Book(BookingSetup.Booking(other, start))).Json(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Rescheduling_moves_the_appointment_raises_its_sequence_and_checks_clashes_again()
    {
        var r = await BookingSetup.Create(app);
        using var desk = await app.As("Receptionist");
        var id = (await (await desk.Book(BookingSetup.Booking(r, BookingSetup.NextWeekday(9)))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        var blocker = r with { Patient = await desk.RegisterPatient("Block", BookingSetup.Unique("Er")) };
        var taken = BookingSetup.NextWeekday(15);
        await (await desk.Book(BookingSetup.Booking(blocker, taken))).Json(HttpStatusCode.Created);

        var clash = await (await desk.PostMatchingAsync($"/appointments/{id}/reschedule", new { start = taken.AddMinutes(30) })).AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("practitioner", clash.GetProperty("resource").GetString());

        var moved = await desk.PostOk($"/appointments/{id}/reschedule", new { start = BookingSetup.NextWeekday(16) }, HttpStatusCode.OK);
        Assert.Equal(BookingSetup.NextWeekday(16).UtcDateTime, moved.GetProperty("appointment").GetProperty("startUtc").GetDateTime());
        Assert.Equal(1, moved.GetProperty("appointment").GetProperty("sequence").GetInt32());
    }

    [Fact]
    public async Task A_booking_in_the_past_or_with_the_wrong_device_kind_is_refused()
    {
        var r = await BookingSetup.Create(app);
        using var desk = await app.As("Receptionist");
        var past = await (await desk.Book(BookingSetup.Booking(r, DateTimeOffset.UtcNow.AddDays(-1)))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("booking.in-past", past.GetProperty("ruleId").GetString());

        using var admin = await app.As("Admin");
        var roller = (await admin.PostOk("/devices", new { name = "Roller", kind = "derma-roller", serial = BookingSetup.Unique("DR") })).Id();
        var booking = new { patientId = r.Patient, practitionerId = r.Practitioner, roomId = r.Room, deviceId = roller, treatmentCode = "MN-PEN", indication = "hyperpigmentation", start = BookingSetup.NextWeekday(10, 2) };
        var wrong = await (await desk.Book(booking)).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("booking.device-kind", wrong.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task Unknown_ids_in_a_booking_are_404s_naming_what_is_missing()
    {
        var r = await BookingSetup.Create(app);
        using var desk = await app.As("Receptionist");
        var problem = await (await desk.Book(BookingSetup.Booking(r with { Room = Guid.NewGuid() }, BookingSetup.NextWeekday(10)))).AssertProblem(HttpStatusCode.NotFound);
        Assert.Contains("room", problem.Detail(), StringComparison.OrdinalIgnoreCase);
        problem = await (await desk.Book(BookingSetup.Booking(r with { Patient = Guid.NewGuid() }, BookingSetup.NextWeekday(10)))).AssertProblem(HttpStatusCode.NotFound);
        Assert.Contains("Patient", problem.Detail());
    }
}

public sealed class AppointmentLifecycleTestsOnSqlite(SqliteApp app) : AppointmentLifecycleTests(app), IClassFixture<SqliteApp>;

public sealed class AppointmentLifecycleTestsOnPostgres(PostgresApp app) : AppointmentLifecycleTests(app), IClassFixture<PostgresApp>;

public sealed class AppointmentLifecycleTestsOnSqlServer(SqlServerApp app) : AppointmentLifecycleTests(app), IClassFixture<SqlServerApp>;
