using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Booking;

/// <summary>Working schedules, leave, and the availability search over HTTP, on the default clinic (UTC, weekdays 09:00-18:00).</summary>
public abstract class SchedulingTests(AppFixture app)
{
    private static string Date(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-dd");

    private static async Task<JsonElement> Search(HttpClient desk, DateTimeOffset from, DateTimeOffset to, Guid? practitionerId = null, string treatment = "MN-PEN") =>
        await desk.PostOk("/availability", new { treatmentCode = treatment, from = Date(from), to = Date(to), practitionerId }, HttpStatusCode.OK);

    private sealed record SlotView(DateTimeOffset Start, DateTimeOffset End, Guid PractitionerId, Guid RoomId, Guid? DeviceId, string RawStart);

    private static List<SlotView> Slots(JsonElement result) => result.GetProperty("slots").EnumerateArray().Select(s => new SlotView(
        DateTimeOffset.Parse(s.GetProperty("start").GetString()!), DateTimeOffset.Parse(s.GetProperty("end").GetString()!),
        s.GetProperty("practitionerId").GetGuid(), s.GetProperty("roomId").GetGuid(),
        s.GetProperty("deviceId").ValueKind == JsonValueKind.Null ? null : s.GetProperty("deviceId").GetGuid(),
        s.GetProperty("start").GetString()!)).ToList();

    private static bool Overlaps(SlotView s, DateTimeOffset start, DateTimeOffset end) => s.Start < end && start < s.End;

    /// <summary>A practitioner of one's own, and a room and pen so that the clinic can treat at all.</summary>
    private async Task<Guid> NewPractitioner()
    {
        using var admin = await app.As("Admin");
        await BookingSetup.Room(admin);
        await BookingSetup.Pen(admin);
        return await admin.RegisterPractitioner(BookingSetup.Unique("Dr"), ["microneedling-device-training", "dry-needling-certification"]);
    }

    [Fact]
    public async Task Availability_leaves_out_a_booked_practitioner_room_and_device()
    {
        var r = await BookingSetup.Create(app);
        using var desk = await app.As("Receptionist");
        var start = BookingSetup.NextWeekday(10, weeksAhead: 2);
        await (await desk.Book(BookingSetup.Booking(r, start))).Json(HttpStatusCode.Created);

        var slots = Slots(await Search(desk, start, start));
        Assert.NotEmpty(slots);
        var overlapping = slots.Where(s => Overlaps(s, start, start.AddHours(1))).ToList();
        Assert.DoesNotContain(overlapping, s => s.PractitionerId == r.Practitioner);
        Assert.DoesNotContain(overlapping, s => s.RoomId == r.Room);
        Assert.DoesNotContain(overlapping, s => s.DeviceId == r.Device);
        var own = Slots(await Search(desk, start, start, r.Practitioner));
        Assert.Contains(own, s => s.Start == start.AddHours(-1));
        Assert.Contains(own, s => s.Start == start.AddHours(1));
    }

    [Fact]
    public async Task Availability_is_within_opening_hours_on_the_clinics_quarter_hours_and_never_at_the_weekend()
    {
        var practitioner = await NewPractitioner();
        using var desk = await app.As("Receptionist");
        var tuesday = BookingSetup.NextWeekday(0, weeksAhead: 3);
        var result = await Search(desk, tuesday, tuesday, practitioner);
        Assert.Equal("UTC", result.GetProperty("timeZoneId").GetString());
        Assert.Equal(60, result.GetProperty("durationMinutes").GetInt32());
        Assert.False(result.GetProperty("truncated").GetBoolean());
        var slots = Slots(result);
        Assert.Equal(33, slots.Count); // 09:00 to 17:00, every quarter hour, for a 60-minute treatment
        Assert.Equal(tuesday.AddHours(9), slots[0].Start);
        Assert.Equal(tuesday.AddHours(17), slots[^1].Start);
        Assert.EndsWith("+00:00", slots[0].RawStart);
        Assert.All(slots, s => Assert.NotNull(s.DeviceId));

        var saturday = BookingSetup.NextWeekday(0, weeksAhead: 3, DayOfWeek.Saturday);
        Assert.Empty(Slots(await Search(desk, saturday, saturday.AddDays(1), practitioner)));
    }

    [Fact]
    public async Task A_clinic_closure_removes_every_slot_on_its_days()
    {
        var practitioner = await NewPractitioner();
        using var admin = await app.As("Admin");
        using var desk = await app.As("Receptionist");
        var wednesday = BookingSetup.NextWeekday(0, weeksAhead: 4, DayOfWeek.Wednesday);
        var closure = await admin.PostOk("/clinic/closures", new { fromDate = Date(wednesday), toDate = Date(wednesday), reason = "Staff training" });
        try
        {
            var slots = Slots(await Search(desk, wednesday.AddDays(-1), wednesday.AddDays(1), practitioner));
            Assert.Equal([wednesday.AddDays(-1).Date, wednesday.AddDays(1).Date], slots.Select(s => s.Start.UtcDateTime.Date).Distinct());
        }
        finally
        {
            await admin.DeleteMatchingAsync($"/clinic/closures/{closure.Id()}");
        }
    }

    [Fact]
    public async Task A_practitioner_on_leave_is_not_offered_until_the_leave_is_removed()
    {
        var practitioner = await NewPractitioner();
        using var admin = await app.As("Admin");
        using var desk = await app.As("Receptionist");
        var wednesday = BookingSetup.NextWeekday(0, weeksAhead: 5, DayOfWeek.Wednesday);
        var leave = await admin.PostOk($"/practitioners/{practitioner}/leave", new { fromDate = Date(wednesday), toDate = Date(wednesday.AddDays(1)), reason = "Conference" });
        Assert.Equal(0, leave.GetProperty("appointmentsToMove").GetInt32());

        var slots = Slots(await Search(desk, wednesday.AddDays(-1), wednesday.AddDays(2), practitioner));
        Assert.Equal([wednesday.AddDays(-1).Date, wednesday.AddDays(2).Date], slots.Select(s => s.Start.UtcDateTime.Date).Distinct());
        var schedule = await desk.GetOk($"/practitioners/{practitioner}/schedule");
        Assert.Equal(leave.Id(), schedule.GetProperty("leave").EnumerateArray().Single().Id());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteMatchingAsync($"/practitioners/{practitioner}/leave/{leave.Id()}")).StatusCode);
        Assert.Equal(4, Slots(await Search(desk, wednesday.AddDays(-1), wednesday.AddDays(2), practitioner)).Select(s => s.Start.Date).Distinct().Count());
        await (await admin.DeleteMatchingAsync($"/practitioners/{practitioner}/leave/{leave.Id()}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Leave_over_booked_appointments_counts_them_for_the_desk_to_move()
    {
        var r = await BookingSetup.Create(app);
        using var admin = await app.As("Admin");
        using var desk = await app.As("Receptionist");
        var start = BookingSetup.NextWeekday(14, weeksAhead: 6);
        await (await desk.Book(BookingSetup.Booking(r, start))).Json(HttpStatusCode.Created);
        var leave = await admin.PostOk($"/practitioners/{r.Practitioner}/leave", new { fromDate = Date(start), toDate = Date(start), reason = "Sick" });
        Assert.Equal(1, leave.GetProperty("appointmentsToMove").GetInt32());
    }

    [Fact]
    public async Task A_weekly_pattern_and_a_one_day_exception_shape_the_practitioners_slots()
    {
        var practitioner = await NewPractitioner();
        using var admin = await app.As("Admin");
        using var desk = await app.As("Receptionist");
        var fresh = await desk.GetOk($"/practitioners/{practitioner}/schedule");
        Assert.True(fresh.GetProperty("worksWheneverClinicOpen").GetBoolean());

        var pattern = new { periods = new[] { new { day = "monday", start = "09:00", end = "12:00" }, new { day = "tuesday", start = "13:00", end = "17:00" } } };
        var saved = await (await admin.PutMatchingAsync($"/practitioners/{practitioner}/schedule", pattern)).Json(HttpStatusCode.OK);
        Assert.False(saved.GetProperty("worksWheneverClinicOpen").GetBoolean());
        Assert.Equal(2, (await desk.GetOk($"/practitioners/{practitioner}/schedule")).GetProperty("periods").GetArrayLength());

        var tuesday = BookingSetup.NextWeekday(0, weeksAhead: 7);
        var slots = Slots(await Search(desk, tuesday, tuesday.AddDays(1), practitioner));
        Assert.Equal(tuesday.AddHours(13), slots[0].Start);
        Assert.Equal(tuesday.AddHours(16), slots[^1].Start);

        var path = $"/practitioners/{practitioner}/schedule/exceptions/{Date(tuesday)}";
        await (await admin.PutMatchingAsync(path, new { periods = Array.Empty<object>() })).Json(HttpStatusCode.OK);
        Assert.Empty(Slots(await Search(desk, tuesday, tuesday, practitioner)));
        var exception = (await desk.GetOk($"/practitioners/{practitioner}/schedule")).GetProperty("exceptions").EnumerateArray().Single();
        Assert.Equal(Date(tuesday), exception.GetProperty("date").GetString());
        Assert.Equal(0, exception.GetProperty("periods").GetArrayLength());

        await (await admin.PutMatchingAsync(path, new { periods = new[] { new { start = "10:00", end = "11:30" } } })).Json(HttpStatusCode.OK);
        Assert.Equal([tuesday.AddHours(10), tuesday.AddHours(10.25), tuesday.AddHours(10.5)], Slots(await Search(desk, tuesday, tuesday, practitioner)).Select(s => s.Start));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteMatchingAsync(path)).StatusCode);
        Assert.Equal(tuesday.AddHours(13), Slots(await Search(desk, tuesday, tuesday, practitioner))[0].Start);
        await (await admin.DeleteMatchingAsync(path)).AssertProblem(HttpStatusCode.NotFound);

        await (await admin.PutMatchingAsync($"/practitioners/{practitioner}/schedule", new { periods = Array.Empty<object>() })).Json(HttpStatusCode.OK);
        Assert.Equal(tuesday.AddHours(9), Slots(await Search(desk, tuesday, tuesday, practitioner))[0].Start);
    }

    [Fact]
    public async Task A_schedule_with_overlapping_or_backwards_periods_or_for_an_unknown_practitioner_is_refused()
    {
        var practitioner = await NewPractitioner();
        using var admin = await app.As("Admin");
        var overlapping = new { periods = new[] { new { day = "friday", start = "09:00", end = "13:00" }, new { day = "friday", start = "12:00", end = "17:00" } } };
        var problem = await (await admin.PutMatchingAsync($"/practitioners/{practitioner}/schedule", overlapping)).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("periods", out _));
        var backwards = new { periods = new[] { new { day = "friday", start = "17:00", end = "09:00" } } };
        problem = await (await admin.PutMatchingAsync($"/practitioners/{practitioner}/schedule", backwards)).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("periods[0]", out _));
        await (await admin.PutMatchingAsync($"/practitioners/{Guid.NewGuid()}/schedule", new { periods = Array.Empty<object>() })).AssertProblem(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync($"/practitioners/{practitioner}/leave", new { fromDate = "2031-05-02", toDate = "2031-05-01", reason = "x" })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        await (await admin.PutMatchingAsync($"/practitioners/{practitioner}/schedule/exceptions/not-a-date", new { periods = Array.Empty<object>() })).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_or_withdrawn_treatment_a_backwards_or_too_long_range_and_an_unknown_indication_are_refused()
    {
        using var admin = await app.As("Admin");
        using var desk = await app.As("Receptionist");
        await (await desk.PostAsJsonAsync("/availability", new { treatmentCode = "XX-NONE", from = "2031-01-06", to = "2031-01-07" })).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Created, (await admin.PutMatchingAsync("/treatments/XX-OLD", new { name = "Withdrawn", durationMinutes = 30, active = false })).StatusCode);
        var problem = await (await desk.PostAsJsonAsync("/availability", new { treatmentCode = "XX-OLD", from = "2031-01-06", to = "2031-01-07" })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("availability.treatment-inactive", problem.GetProperty("ruleId").GetString());
        problem = await (await desk.PostAsJsonAsync("/availability", new { treatmentCode = "MN-PEN", from = "2031-01-06", to = "2031-03-09" })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("to", out _));
        await (await desk.PostAsJsonAsync("/availability", new { treatmentCode = "MN-PEN", from = "2031-01-07", to = "2031-01-06" })).AssertProblem(HttpStatusCode.BadRequest);
        problem = await (await desk.PostAsJsonAsync("/availability", new { treatmentCode = "MN-PEN", from = "2031-01-06", to = "2031-01-07", indication = "musculoskeletal" })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("indication", out _));
    }

    [Fact]
    public async Task A_treatment_whose_device_kind_the_clinic_lacks_has_no_slots_and_says_why()
    {
        await BookingSetup.Create(app); // qualified practitioners and rooms exist; no dry-needling kit does
        using var desk = await app.As("Receptionist");
        var tuesday = BookingSetup.NextWeekday(0, weeksAhead: 8);
        var result = await Search(desk, tuesday, tuesday, treatment: "DRY-NEEDLING");
        Assert.Empty(Slots(result));
        Assert.Contains("dry-needling-kit", result.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Slots_are_given_in_the_clinics_own_time_zone()
    {
        var practitioner = await NewPractitioner();
        using var admin = await app.As("Admin");
        using var desk = await app.As("Receptionist");
        var weekdays = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" };
        object Hours(string zone) => new { name = "My clinic", timeZoneId = zone, openingHours = weekdays.Select(d => new { day = d, opens = "09:00:00", closes = "18:00:00" }).ToArray() };
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutMatchingAsync("/clinic", Hours("Asia/Tokyo"))).StatusCode);
        try
        {
            var tuesday = BookingSetup.NextWeekday(0, weeksAhead: 9);
            var result = await Search(desk, tuesday, tuesday, practitioner);
            Assert.Equal("Asia/Tokyo", result.GetProperty("timeZoneId").GetString());
            var first = Slots(result)[0];
            Assert.Equal($"{Date(tuesday)}T09:00:00+09:00", first.RawStart);
            Assert.Equal(tuesday.AddHours(0), first.Start); // 09:00 in Tokyo is midnight UTC
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PutMatchingAsync("/clinic", Hours("UTC"))).StatusCode);
        }
    }
}

public sealed class SchedulingTestsOnSqlite(SqliteApp app) : SchedulingTests(app), IClassFixture<SqliteApp>;

public sealed class SchedulingTestsOnPostgres(PostgresApp app) : SchedulingTests(app), IClassFixture<PostgresApp>;

public sealed class SchedulingTestsOnSqlServer(SqlServerApp app) : SchedulingTests(app), IClassFixture<SqlServerApp>;
