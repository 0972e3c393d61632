using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests;

/// <summary>
/// Admin input that is well-formed but makes no sense as a clinic's record is refused with 422 naming the field, and
/// nothing is written.
/// </summary>
public abstract class AdminInputTests(AppFixture app)
{
    private static async Task AssertNames(HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"422 should name {field}: {problem}");
    }

    [Fact]
    public async Task A_closure_that_never_ends_or_ends_before_it_starts_is_refused_naming_toDate()
    {
        using var admin = await app.As("Admin");
        var before = (await admin.GetOk("/clinic")).GetProperty("closures").GetArrayLength();
        await AssertNames(await admin.PostAsJsonAsync("/clinic/closures", new { fromDate = "2040-01-01", toDate = "2045-06-30", reason = "Refurbishment" }), "toDate");
        await AssertNames(await admin.PostAsJsonAsync("/clinic/closures", new { fromDate = "2040-01-02", toDate = "2040-01-01", reason = "Backwards" }), "toDate");
        await AssertNames(await admin.PostAsJsonAsync("/clinic/closures", new { fromDate = "2040-01-01", toDate = "2040-01-01", reason = " " }), "reason");
        Assert.Equal(before, (await admin.GetOk("/clinic")).GetProperty("closures").GetArrayLength());
        await admin.PostOk("/clinic/closures", new { fromDate = "2040-12-24", toDate = "2040-12-26", reason = "Christmas" }); // a real one still can be
    }

    [Fact]
    public async Task Opening_hours_and_working_periods_that_overlap_on_one_day_are_refused_and_nothing_changes()
    {
        using var admin = await app.As("Admin");
        var clinic = await admin.ETagAsync("/clinic");
        var overlapping = new[] { new { day = "friday", opens = "09:00:00", closes = "13:00:00" }, new { day = "friday", opens = "12:30:00", closes = "17:00:00" } };
        await AssertNames(await admin.PutMatchingAsync("/clinic", new { name = "Overlap", timeZoneId = "UTC", openingHours = overlapping }), "openingHours");
        Assert.Equal(clinic, await admin.ETagAsync("/clinic"));

        var practitioner = await admin.RegisterPractitioner(BookingSetup.Unique("Dr Overlap"), ["microneedling-device-training"]);
        var periods = new[] { new { day = "monday", start = "09:00", end = "12:00" }, new { day = "monday", start = "11:00", end = "15:00" } };
        await AssertNames(await admin.PutMatchingAsync($"/practitioners/{practitioner}/schedule", new { periods }), "periods");
        var exception = new[] { new { start = "09:00", end = "12:00" }, new { start = "10:00", end = "11:00" } };
        await AssertNames(await admin.PutMatchingAsync($"/practitioners/{practitioner}/schedule/exceptions/2040-03-05", new { periods = exception }), "periods");
        var schedule = await admin.GetOk($"/practitioners/{practitioner}/schedule");
        Assert.Empty(schedule.GetProperty("periods").EnumerateArray());
        Assert.Empty(schedule.GetProperty("exceptions").EnumerateArray());
        await AssertNames(await admin.PostAsJsonAsync($"/practitioners/{practitioner}/leave", new { fromDate = "2040-01-01", toDate = "2049-01-01", reason = "Sabbatical" }), "toDate");
    }

    [Fact]
    public async Task A_consent_form_for_a_treatment_that_does_not_exist_is_refused_naming_treatmentCode()
    {
        using var admin = await app.As("Admin");
        var text = new
        {
            treatmentCode = "NO-SUCH-TREATMENT", language = "en", title = "Consent to nothing",
            sections = new[] { new { heading = "Risks", paragraphs = new[] { "None." }, bullets = new[] { "None" } } },
            acknowledgements = new[] { "I have read this form." },
        };
        await AssertNames(await admin.PostAsJsonAsync("/consent/templates/NO-SUCH-TREATMENT/versions", new { texts = new[] { text }, requiresReconsent = false, note = "Typo in the code." }), "treatmentCode");
        Assert.DoesNotContain((await admin.GetOk("/consent/templates")).EnumerateArray(), t => t.GetProperty("treatmentCode").GetString() == "NO-SUCH-TREATMENT");
    }

    [Fact]
    public async Task A_protocol_with_no_interval_an_unknown_zone_or_an_unknown_treatment_is_refused_and_no_rule_set_version_is_written()
    {
        using var admin = await app.As("Admin");
        var versions = (await admin.GetOk("/rules/versions")).GetArrayLength();
        var original = JsonNode.Parse(await admin.GetStringAsync("/rules"))!["protocols"]![0]!;
        var id = original["id"]!.GetValue<string>();
        async Task Refused(Action<JsonNode> change, string field)
        {
            var rule = original.DeepClone();
            change(rule);
            await AssertNames(await admin.PutMatchingAsync($"/rules/protocols/{id}", new { rule, note = "Nonsense (test)." }), field);
        }
        await Refused(r => r["minIntervalDays"] = 0, "rule.minIntervalDays");
        await Refused(r => r["minIntervalDays"] = -7, "rule.minIntervalDays");
        await Refused(r => r["depths"] = new JsonArray(new JsonObject { ["zone"] = "elbow-pit", ["minMm"] = 0.5, ["maxMm"] = 1.0 }), "rule.depths[0].zone");
        await Refused(r => r["treatmentCode"] = "NO-SUCH-TREATMENT", "rule.treatmentCode");
        Assert.Equal(versions, (await admin.GetOk("/rules/versions")).GetArrayLength());
    }

    [Fact]
    public async Task Negative_durations_and_empty_names_are_refused_naming_the_field()
    {
        using var admin = await app.As("Admin");
        await AssertNames(await admin.PutMatchingAsync("/treatments/NEG-DURATION", new { name = "Negative", durationMinutes = -30 }), "durationMinutes");
        await AssertNames(await admin.PutMatchingAsync("/treatments/ZERO-DURATION", new { name = "Zero", durationMinutes = 0 }), "durationMinutes");
        await AssertNames(await admin.PutMatchingAsync("/treatments/NO-NAME", new { name = " ", durationMinutes = 30 }), "name");
        Assert.DoesNotContain((await admin.GetOk("/treatments")).EnumerateArray(), t => t.GetProperty("code").GetString() is "NEG-DURATION" or "ZERO-DURATION" or "NO-NAME");
        var rooms = (await admin.GetOk("/rooms")).GetArrayLength();
        await AssertNames(await admin.PostAsJsonAsync("/rooms", new { name = "" }), "name");
        await AssertNames(await admin.PostAsJsonAsync("/practitioners", new { displayName = " ", profession = "Physician", qualifications = Array.Empty<object>() }), "displayName");
        Assert.Equal(rooms, (await admin.GetOk("/rooms")).GetArrayLength());
    }
}

public sealed class AdminInputTestsOnSqlite(SqliteApp app) : AdminInputTests(app), IClassFixture<SqliteApp>;

public sealed class AdminInputTestsOnPostgres(PostgresApp app) : AdminInputTests(app), IClassFixture<PostgresApp>;

public sealed class AdminInputTestsOnSqlServer(SqlServerApp app) : AdminInputTests(app), IClassFixture<SqlServerApp>;
