using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Booking;

/// <summary>
/// Issue 12 items 7 and 8: a device past its maintenance date is not booked; a stem-cell product is booked only where
/// it is approved in the clinic's jurisdiction, and its regulatory status survives an update that leaves it out.
/// Its own app: it changes the clinic's jurisdiction.
/// </summary>
public abstract class EquipmentAndProductTests(AppFixture app)
{
    private static async Task<Guid> PenDueOn(HttpClient admin, DateOnly due) =>
        (await admin.PostOk("/devices", new { name = "Pen", kind = "microneedling-pen", serial = BookingSetup.Unique("SN"), maintenanceDueOn = due })).Id();

    [Fact]
    public async Task A_pen_due_for_maintenance_on_the_session_day_is_booked_and_one_due_the_day_before_is_refused()
    {
        var r = await BookingSetup.Create(app, "Device");
        using var admin = await app.As("Admin", freshToken: true);
        using var desk = await app.As("Receptionist", freshToken: true);
        // Three weeks ahead: the session test in this class moves the service's clock a week forward.
        var start = BookingSetup.NextWeekday(10, weeksAhead: 3);
        var day = DateOnly.FromDateTime(start.UtcDateTime);

        var overdue = r with { Device = await PenDueOn(admin, day.AddDays(-1)) };
        var problem = await (await desk.Book(BookingSetup.Booking(overdue, start))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("device.maintenance-overdue", problem.GetProperty("ruleId").GetString());

        var due = r with { Device = await PenDueOn(admin, day) };
        Assert.Equal(HttpStatusCode.Created, (await desk.Book(BookingSetup.Booking(due, start))).StatusCode);

        var devices = await admin.GetOk("/devices");
        Assert.Contains(devices.EnumerateArray(), d => d.GetProperty("id").GetGuid() == due.Device && d.GetProperty("maintenanceDueOn").GetString() == day.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task A_session_on_a_pen_whose_maintenance_fell_due_after_the_booking_is_refused_at_the_start()
    {
        var setup = new SessionSetup(app);
        var v = await setup.CheckedInAsync();
        using (var admin = await app.As("Admin", freshToken: true))
        using (var desk = await app.As("Receptionist", freshToken: true))
        {
            var appointment = await desk.GetOk($"/appointments/{v.Appointment}");
            var deviceId = appointment.GetProperty("deviceId").GetGuid();
            var device = (await admin.GetOk("/devices")).EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == deviceId);
            var yesterday = DateOnly.FromDateTime(v.Start.UtcDateTime).AddDays(-1);
            await (await admin.PutMatchingAsync($"/devices/{deviceId}", new
            {
                name = device.GetProperty("name").GetString(), kind = device.GetProperty("kind").GetString(), serial = device.GetProperty("serial").GetString(),
                maintenanceDueOn = yesterday,
            })).Json(HttpStatusCode.OK);
        }
        using var chair = await setup.SignedIn(v.Chair);
        var problem = await (await chair.PostAsJsonAsync("/sessions", SessionSetup.Start(v))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("device.maintenance-overdue", problem.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task Stem_cells_are_refused_where_the_product_is_not_approved_in_the_clinics_jurisdiction_and_allowed_where_it_is()
    {
        using var admin = await app.As("Admin", freshToken: true);
        await SetJurisdiction(admin, "TH");
        var statuses = new object[]
        {
            new { jurisdiction = "JP", status = "approved", reference = "MHLW regenerative medicine plan 2024-001" },
            new { jurisdiction = "TH", status = "not-approved", reference = "Thai FDA statement 2023" },
        };
        await (await admin.PutMatchingAsync("/treatments/UC-MSC", new { name = "UC-MSC", durationMinutes = 60, deviceKind = "injection-kit", requiresRegulatoryClearance = true, regulatoryStatus = statuses })).Json(HttpStatusCode.OK);
        var practitioner = await admin.RegisterPractitioner(BookingSetup.Unique("Dr"), ["physician"]);
        using var desk = await app.As("Receptionist", freshToken: true);
        var patient = await desk.RegisterPatient("Uma", BookingSetup.Unique("Cells"));
        async Task<JsonElement> Ask() => await desk.PostOk("/eligibility", new
        {
            patientId = patient, treatmentCode = "UC-MSC", indication = "pigmentation", practitionerId = practitioner, start = BookingSetup.NextWeekday(10),
        }, HttpStatusCode.OK);

        Assert.Contains("ci.product-not-cleared", RuleIds(await Ask()));

        // An update without the field keeps the status: it does not quietly clear or unclear the product.
        var updated = await (await admin.PutMatchingAsync("/treatments/UC-MSC", new { name = "UC-MSC micro-injection", durationMinutes = 60, deviceKind = "injection-kit" })).Json(HttpStatusCode.OK);
        Assert.True(updated.GetProperty("requiresRegulatoryClearance").GetBoolean());
        Assert.Equal(2, updated.GetProperty("regulatoryStatus").GetArrayLength());
        Assert.Contains("ci.product-not-cleared", RuleIds(await Ask()));

        await SetJurisdiction(admin, "JP");
        Assert.DoesNotContain("ci.product-not-cleared", RuleIds(await Ask()));
    }

    [Fact]
    public async Task A_product_that_needs_clearance_cannot_be_created_without_its_regulatory_status()
    {
        using var admin = await app.As("Admin", freshToken: true);
        var problem = await (await admin.PutMatchingAsync("/treatments/NEW-PRODUCT", new { name = "New product", durationMinutes = 30, requiresRegulatoryClearance = true }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("regulatoryStatus", out _));
    }

    private static IEnumerable<string> RuleIds(JsonElement result) =>
        result.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!);

    private static async Task SetJurisdiction(HttpClient admin, string jurisdiction)
    {
        var response = await admin.PutMatchingAsync("/clinic", new { name = "Product clinic", timeZoneId = "UTC", openingHours = Hours(), jurisdiction });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    private static object[] Hours() =>
        [.. Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), opens = "08:00", closes = "18:00" })];
}

public sealed class EquipmentAndProductTestsOnSqlite(SqliteApp app) : EquipmentAndProductTests(app), IClassFixture<SqliteApp>;

public sealed class EquipmentAndProductTestsOnPostgres(PostgresApp app) : EquipmentAndProductTests(app), IClassFixture<PostgresApp>;

public sealed class EquipmentAndProductTestsOnSqlServer(SqlServerApp app) : EquipmentAndProductTests(app), IClassFixture<SqlServerApp>;
