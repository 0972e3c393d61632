using System.Net;
using System.Net.Http.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests;

public abstract class ClinicRecordsTests(AppFixture app)
{
    [Fact]
    public async Task An_admin_sets_the_clinic_time_zone_and_opening_hours()
    {
        using var admin = await app.As("Admin");
        var hours = new[] { new { day = "monday", opens = "08:30:00", closes = "12:30:00" }, new { day = "monday", opens = "13:30:00", closes = "19:00:00" } };
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutMatchingAsync("/clinic", new { name = "Clinic Test", timeZoneId = "Asia/Bangkok", openingHours = hours })).StatusCode);
        var clinic = await admin.GetOk("/clinic");
        Assert.Equal("Asia/Bangkok", clinic.GetProperty("timeZoneId").GetString());
        Assert.Equal(2, clinic.GetProperty("openingHours").GetArrayLength());
        // restore the default so other tests in this class see a plain UTC clinic
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutMatchingAsync("/clinic", new { name = "Clinic Test", timeZoneId = "UTC", openingHours = hours })).StatusCode);
    }

    [Fact]
    public async Task An_unknown_time_zone_or_overlapping_hours_are_refused()
    {
        using var admin = await app.As("Admin");
        var problem = await (await admin.PutMatchingAsync("/clinic", new { name = "X", timeZoneId = "Mars/Olympus", openingHours = Array.Empty<object>() })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("timeZoneId", out _));
        var overlapping = new[] { new { day = "friday", opens = "09:00:00", closes = "13:00:00" }, new { day = "friday", opens = "12:00:00", closes = "17:00:00" } };
        problem = await (await admin.PutMatchingAsync("/clinic", new { name = "X", timeZoneId = "UTC", openingHours = overlapping })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("openingHours", out _));
    }

    [Fact]
    public async Task Closures_are_added_listed_and_removed()
    {
        using var admin = await app.As("Admin");
        var closure = await admin.PostOk("/clinic/closures", new { fromDate = "2031-12-24", toDate = "2031-12-26", reason = "Christmas" });
        Assert.Contains((await admin.GetOk("/clinic")).GetProperty("closures").EnumerateArray(), c => c.Id() == closure.Id());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteMatchingAsync($"/clinic/closures/{closure.Id()}")).StatusCode);
        Assert.DoesNotContain((await admin.GetOk("/clinic")).GetProperty("closures").EnumerateArray(), c => c.Id() == closure.Id());
        await (await admin.PostAsJsonAsync("/clinic/closures", new { fromDate = "2031-12-26", toDate = "2031-12-24", reason = "backwards" })).AssertProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Rooms_and_devices_cannot_be_registered_twice()
    {
        using var admin = await app.As("Admin");
        await admin.PostOk("/rooms", new { name = "Room Twice" });
        await (await admin.PostAsJsonAsync("/rooms", new { name = "Room Twice" })).AssertProblem(HttpStatusCode.Conflict);
        await admin.PostOk("/devices", new { name = "Pen", kind = "microneedling-pen", serial = "SN-TWICE" });
        await (await admin.PostAsJsonAsync("/devices", new { name = "Pen 2", kind = "microneedling-pen", serial = "SN-TWICE" })).AssertProblem(HttpStatusCode.Conflict);
        var problem = await (await admin.PostAsJsonAsync("/devices", new { name = "Laser", kind = "laser", serial = "L1" })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task Practitioner_qualifications_must_be_ones_the_rules_know()
    {
        using var admin = await app.As("Admin");
        var problem = await (await admin.PostAsJsonAsync("/practitioners", new { displayName = "Dr X", profession = "Physician", qualifications = new[] { new { code = "reiki-master" } } })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("qualifications[0].code", out _));
        var id = await admin.RegisterPractitioner("Dr Changed", ["physician"]);
        var changed = await (await admin.PutMatchingAsync($"/practitioners/{id}", new { displayName = "Dr Changed", profession = "Physician", qualifications = new[] { new { code = "physician" }, new { code = "dry-needling-certification" } }, active = false })).Json(HttpStatusCode.OK);
        Assert.False(changed.GetProperty("active").GetBoolean());
        Assert.Equal(2, changed.GetProperty("qualifications").GetArrayLength());
    }

    [Fact]
    public async Task A_treatment_is_added_by_code_and_bad_codes_are_refused()
    {
        using var admin = await app.As("Admin");
        var response = await admin.PutMatchingAsync("/treatments/MN-PEN-BODY", new { name = "Microneedling, body", durationMinutes = 75, deviceKind = "microneedling-pen" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        response = await admin.PutMatchingAsync("/treatments/MN-PEN-BODY", new { name = "Microneedling, body", durationMinutes = 90, deviceKind = "microneedling-pen" });
        Assert.Equal(90, (await response.Json(HttpStatusCode.OK)).GetProperty("durationMinutes").GetInt32());
        await (await admin.PutMatchingAsync("/treatments/mn pen", new { name = "x", durationMinutes = 30 })).AssertProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_disabled_staff_account_can_no_longer_sign_in()
    {
        using var admin = await app.As("Admin");
        var account = await admin.PostOk("/staff", new { username = "leaver", displayName = "Leaver", password = "long-enough-password", roles = new[] { "Receptionist" } });
        Assert.NotEmpty(await app.SignIn("leaver", "long-enough-password"));
        await (await admin.PutMatchingAsync($"/staff/{account.Id()}", new { displayName = "Leaver", roles = new[] { "Receptionist" }, active = false })).Json(HttpStatusCode.OK);
        using var client = app.Anonymous();
        await (await client.PostAsJsonAsync("/auth/token", new { username = "leaver", password = "long-enough-password" })).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Staff_accounts_need_a_long_password_a_known_role_and_a_free_username()
    {
        using var admin = await app.As("Admin");
        var problem = await (await admin.PostAsJsonAsync("/staff", new { username = "shorty", displayName = "S", password = "short", roles = new[] { "Janitor" } })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("roles", out _));
        await admin.PostOk("/staff", new { username = "taken", displayName = "T", password = "long-enough-password", roles = new[] { "Practitioner" } });
        await (await admin.PostAsJsonAsync("/staff", new { username = "taken", displayName = "T2", password = "long-enough-password", roles = new[] { "Practitioner" } })).AssertProblem(HttpStatusCode.Conflict);
        Assert.DoesNotContain("passwordHash", await admin.GetStringAsync("/staff"), StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class ClinicRecordsTestsOnSqlite(SqliteApp app) : ClinicRecordsTests(app), IClassFixture<SqliteApp>;

public sealed class ClinicRecordsTestsOnPostgres(PostgresApp app) : ClinicRecordsTests(app), IClassFixture<PostgresApp>;

public sealed class ClinicRecordsTestsOnSqlServer(SqlServerApp app) : ClinicRecordsTests(app), IClassFixture<SqlServerApp>;
