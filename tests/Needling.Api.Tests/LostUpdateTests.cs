using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests;

/// <summary>
/// Lost updates: a change names the version it was made from (If-Match, the ETag read); without it 428, from a version
/// changed since 412, and of several changes sent at once from one version exactly one is saved.
/// </summary>
public abstract class LostUpdateTests(AppFixture app)
{
    private static object Details(string family) => new { givenName = "Lena", familyName = family, dateOfBirth = "1990-05-17", preferredLanguage = "en" };

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object body, string ifMatch) =>
        client.SendMatchingAsync(method, path, body, ifMatch);

    [Fact]
    public async Task A_patient_change_without_If_Match_or_from_a_stale_version_is_refused_and_nothing_is_written()
    {
        using var desk = await app.As("Receptionist");
        var id = await desk.RegisterPatient("Lena", "Original", screened: false);
        var read = await desk.ETagAsync($"/patients/{id}");

        var missing = await (await desk.PutAsJsonAsync($"/patients/{id}", Details("NoIfMatch"))).AssertProblem((HttpStatusCode)428);
        Assert.Contains("If-Match", missing.Detail(), StringComparison.Ordinal);
        var saved = await Send(desk, HttpMethod.Put, $"/patients/{id}", Details("First"), read);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(read, saved.Headers.ETag?.Tag);
        await (await Send(desk, HttpMethod.Put, $"/patients/{id}", Details("Stale"), read)).AssertProblem(HttpStatusCode.PreconditionFailed);
        await (await Send(desk, HttpMethod.Put, $"/patients/{id}", Details("Star"), "*")).AssertProblem((HttpStatusCode)428);

        var now = await desk.GetAsync($"/patients/{id}");
        Assert.Equal(saved.Headers.ETag?.Tag, now.Headers.ETag?.Tag);
        Assert.Equal("First", (await now.Json(HttpStatusCode.OK)).GetProperty("familyName").GetString());
    }

    [Fact]
    public async Task Of_eight_desks_saving_a_patient_from_one_version_at_once_exactly_one_wins()
    {
        using var desk = await app.As("Receptionist");
        var id = await desk.RegisterPatient("Lena", "Race", screened: false);
        var read = await desk.ETagAsync($"/patients/{id}");
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Send(desk, HttpMethod.Put, $"/patients/{id}", Details($"Desk{i}"), read)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.PreconditionFailed, a.StatusCode));
        var winner = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).Json(HttpStatusCode.OK);
        Assert.Equal(winner.GetProperty("familyName").GetString(), (await desk.GetOk($"/patients/{id}")).GetProperty("familyName").GetString());
        Assert.Equal("\"1\"", await desk.ETagAsync($"/patients/{id}"));
    }

    [Fact]
    public async Task Two_desks_cancelling_or_moving_one_appointment_from_one_view_only_one_is_applied()
    {
        var r = await BookingSetup.Create(app, "StaleView");
        using var desk = await app.As("Receptionist");
        var id = (await (await desk.Book(BookingSetup.Booking(r, BookingSetup.NextWeekday(9, weeksAhead: 5)))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        var read = await desk.ETagAsync($"/appointments/{id}");

        await (await desk.PostAsJsonAsync($"/appointments/{id}/cancel", new { reason = "No If-Match" })).AssertProblem((HttpStatusCode)428);
        var answers = await Task.WhenAll(
            Send(desk, HttpMethod.Post, $"/appointments/{id}/reschedule", new { start = BookingSetup.NextWeekday(11, weeksAhead: 5) }, read),
            Send(desk, HttpMethod.Post, $"/appointments/{id}/cancel", new { reason = "Patient called" }, read),
            Send(desk, HttpMethod.Post, $"/appointments/{id}/cancel", new { reason = "Patient called again" }, read));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.PreconditionFailed, a.StatusCode));
        var history = await desk.GetOk($"/appointments/{id}/history");
        Assert.Equal(2, history.GetArrayLength()); // booked, then the one change that won
    }

    [Fact]
    public async Task Clinic_records_answer_their_ETag_and_refuse_a_change_from_a_stale_one()
    {
        using var admin = await app.As("Admin");
        // A room: the list shows its version; creating and changing answer the ETag.
        var created = await admin.PostAsJsonAsync("/rooms", new { name = BookingSetup.Unique("Versioned room") });
        var room = (await created.Json(HttpStatusCode.Created)).Id();
        Assert.Equal("\"0\"", created.Headers.ETag?.Tag);
        await (await admin.PutAsJsonAsync($"/rooms/{room}", new { name = BookingSetup.Unique("Renamed") })).AssertProblem((HttpStatusCode)428);
        var renamed = await Send(admin, HttpMethod.Put, $"/rooms/{room}", new { name = BookingSetup.Unique("Renamed") }, "\"0\"");
        Assert.Equal("\"1\"", renamed.Headers.ETag?.Tag);
        await (await Send(admin, HttpMethod.Put, $"/rooms/{room}", new { name = BookingSetup.Unique("Stale") }, "\"0\"")).AssertProblem(HttpStatusCode.PreconditionFailed);

        // The clinic settings answer 204 with the new ETag (saved as they are, so that the other tests keep their hours).
        var clinic = await admin.ETagAsync("/clinic");
        var settings = await admin.GetOk("/clinic");
        var same = new { name = settings.GetProperty("name").GetString(), timeZoneId = settings.GetProperty("timeZoneId").GetString(), openingHours = settings.GetProperty("openingHours") };
        await (await admin.PutAsJsonAsync("/clinic", same)).AssertProblem((HttpStatusCode)428);
        var changed = await Send(admin, HttpMethod.Put, "/clinic", same, clinic);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.NotEqual(clinic, changed.Headers.ETag?.Tag);
        Assert.Equal(await admin.ETagAsync("/clinic"), changed.Headers.ETag?.Tag);
        await (await Send(admin, HttpMethod.Put, "/clinic", same, clinic)).AssertProblem(HttpStatusCode.PreconditionFailed);

        // A schedule: the weekly pattern and a one-day exception share one version.
        var practitioner = await admin.RegisterPractitioner(BookingSetup.Unique("Dr Versioned"), ["microneedling-device-training"]);
        var schedule = $"/practitioners/{practitioner}/schedule";
        var first = await admin.ETagAsync(schedule);
        var periods = new { periods = new[] { new { day = "tuesday", start = "09:00", end = "12:00" } } };
        Assert.Equal(HttpStatusCode.OK, (await Send(admin, HttpMethod.Put, schedule, periods, first)).StatusCode);
        await (await Send(admin, HttpMethod.Put, $"{schedule}/exceptions/2031-03-04", new { periods = Array.Empty<object>() }, first)).AssertProblem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutMatchingAsync($"{schedule}/exceptions/2031-03-04", new { periods = Array.Empty<object>() })).StatusCode);
    }

    [Fact]
    public async Task Two_admins_setting_a_new_practitioners_first_schedule_at_once_only_one_is_saved()
    {
        using var admin = await app.As("Admin");
        var practitioner = await admin.RegisterPractitioner(BookingSetup.Unique("Dr First"), ["microneedling-device-training"]);
        var schedule = $"/practitioners/{practitioner}/schedule";
        var read = await admin.ETagAsync(schedule);
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Send(admin, HttpMethod.Put, schedule, new { periods = new[] { new { day = "monday", start = $"0{i + 5}:00", end = "12:00" } } }, read)));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.PreconditionFailed, a.StatusCode));
        Assert.Single((await admin.GetOk(schedule)).GetProperty("periods").EnumerateArray());
    }

    [Fact]
    public async Task A_rule_edit_and_a_screening_revision_name_the_version_they_were_made_from()
    {
        using var admin = await app.As("Admin");
        var rules = await admin.GetAsync("/rules");
        var ruleSet = await rules.Json(HttpStatusCode.OK);
        Assert.Equal($"\"{ruleSet.GetProperty("version").GetInt32()}\"", rules.Headers.ETag?.Tag);
        var rule = System.Text.Json.Nodes.JsonNode.Parse(ruleSet.GetProperty("protocols")[0].GetRawText())!;
        var id = rule["id"]!.GetValue<string>();
        await (await admin.PutAsJsonAsync($"/rules/protocols/{id}", new { rule, note = "No If-Match" })).AssertProblem((HttpStatusCode)428);
        await (await Send(admin, HttpMethod.Put, $"/rules/protocols/{id}", new { rule, note = "Stale" }, $"\"{ruleSet.GetProperty("version").GetInt32() - 1}\""))
            .AssertProblem(HttpStatusCode.PreconditionFailed);

        using var clinician = await app.As("Practitioner");
        var patient = await clinician.RegisterPatient("Lena", "Screened", screened: false);
        var entry = await clinician.PostAsJsonAsync($"/patients/{patient}/screening", new { kind = "allergy", code = "latex" });
        Assert.Equal("\"1\"", entry.Headers.ETag?.Tag);
        var key = (await entry.Json(HttpStatusCode.Created)).Id("entryKey");
        var revision = new { kind = "allergy", code = "latex", notes = "Rash only" };
        await (await clinician.PutAsJsonAsync($"/patients/{patient}/screening/{key}", revision)).AssertProblem((HttpStatusCode)428);
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Send(clinician, HttpMethod.Put, $"/patients/{patient}/screening/{key}", revision, "\"1\"")));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.PreconditionFailed, a.StatusCode));
        Assert.Equal(2, (await clinician.GetOk($"/patients/{patient}/screening/history")).GetArrayLength());
    }

    [Fact]
    public async Task The_published_document_declares_If_Match_ETag_412_and_428()
    {
        using var anonymous = app.CreateClient();
        var paths = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        var put = paths.GetProperty("/patients/{id}").GetProperty("put");
        var ifMatch = put.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "If-Match");
        Assert.Equal("header", ifMatch.GetProperty("in").GetString());
        Assert.True(ifMatch.GetProperty("required").GetBoolean());
        Assert.True(put.GetProperty("responses").TryGetProperty("412", out _));
        Assert.True(put.GetProperty("responses").TryGetProperty("428", out _));
        Assert.True(put.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _));
        Assert.True(paths.GetProperty("/patients/{id}").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _));
        Assert.True(paths.GetProperty("/clinic").GetProperty("put").GetProperty("responses").GetProperty("204").GetProperty("headers").TryGetProperty("ETag", out _));
    }
}

public sealed class LostUpdateTestsOnSqlite(SqliteApp app) : LostUpdateTests(app), IClassFixture<SqliteApp>;

public sealed class LostUpdateTestsOnPostgres(PostgresApp app) : LostUpdateTests(app), IClassFixture<PostgresApp>;

public sealed class LostUpdateTestsOnSqlServer(SqlServerApp app) : LostUpdateTests(app), IClassFixture<SqlServerApp>;
