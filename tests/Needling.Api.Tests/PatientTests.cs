using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Needling.Api.Tests.Support;
using Needling.Patients.Data;
using Needling.SharedKernel.Audit;

namespace Needling.Api.Tests;

public abstract class PatientTests(AppFixture app)
{
    [Fact]
    public async Task Registering_the_same_name_and_birth_date_twice_warns_of_a_likely_duplicate()
    {
        using var desk = await app.As("Receptionist");
        var first = await desk.PostOk("/patients", new { givenName = "Hana", familyName = "Duplicate", dateOfBirth = "1985-02-03", preferredLanguage = "ja" });
        Assert.Empty(first.GetProperty("possibleDuplicates").EnumerateArray());

        var second = await desk.PostOk("/patients", new { givenName = " hana ", familyName = "DUPLICATE", dateOfBirth = "1985-02-03", preferredLanguage = "ja" });
        Assert.Equal(first.GetProperty("patient").Id(), second.GetProperty("possibleDuplicates")[0].GetGuid());
        Assert.Contains("same name and date of birth", second.GetProperty("warnings")[0].GetString());
    }

    [Fact]
    public async Task Patients_are_found_by_part_of_the_name_by_birth_date_and_by_phone_digits()
    {
        using var desk = await app.As("Receptionist");
        var id = (await desk.PostOk("/patients", new { givenName = "Somsak", familyName = "Findable", dateOfBirth = "1971-11-30", phone = "+66 (2) 555-0199", preferredLanguage = "th" })).GetProperty("patient").Id();

        var byName = await desk.PostOk("/patients/search", new { name = "findab" }, HttpStatusCode.OK);
        Assert.Contains(byName.EnumerateArray(), p => p.Id() == id);
        var byBirth = await desk.PostOk("/patients/search", new { dateOfBirth = "1971-11-30" }, HttpStatusCode.OK);
        Assert.Contains(byBirth.EnumerateArray(), p => p.Id() == id);
        var byPhone = await desk.PostOk("/patients/search", new { phone = "5550199" }, HttpStatusCode.OK);
        Assert.Contains(byPhone.EnumerateArray(), p => p.Id() == id);
        var wrongBirth = await desk.PostOk("/patients/search", new { name = "findable", dateOfBirth = "1971-12-01" }, HttpStatusCode.OK);
        Assert.DoesNotContain(wrongBirth.EnumerateArray(), p => p.Id() == id);
    }

    [Fact]
    public async Task A_search_with_no_criteria_is_refused()
    {
        using var desk = await app.As("Receptionist");
        await (await desk.PostAsJsonAsync("/patients/search", new { })).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Updating_a_patient_changes_the_details_and_leaves_an_audit_record()
    {
        using var desk = await app.As("Receptionist");
        var id = await desk.RegisterPatient("Lena", "Update");
        var updated = await (await desk.PutMatchingAsync($"/patients/{id}", new { givenName = "Lena", familyName = "Updated", dateOfBirth = "1990-05-17", preferredLanguage = "th" })).Json(HttpStatusCode.OK);
        Assert.Equal("Updated", updated.GetProperty("familyName").GetString());
        Assert.Equal("th", (await desk.GetOk($"/patients/{id}")).GetProperty("preferredLanguage").GetString());

        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<PatientsDbContext>().Set<AuditRecord>()
            .Where(a => a.EntityId == id.ToString() && a.Action != "read").OrderBy(a => a.AtUtc).ThenBy(a => a.Id).ToListAsync();
        Assert.Equal(["created", "updated"], audit.Select(a => a.Action));
        Assert.Contains("FamilyName", audit[1].Fields);
        Assert.DoesNotContain("Updated", audit[1].Fields); // names the field, never the value
        Assert.NotEqual("system", audit[1].Actor);
    }

    [Fact]
    public async Task Revising_a_screening_answer_keeps_the_earlier_revision_with_who_and_when()
    {
        using var desk = await app.As("Receptionist");
        using var clinician = await app.As("Practitioner");
        var id = await desk.RegisterPatient("Ravi", "Screened");
        var entry = await desk.PostOk($"/patients/{id}/screening", new { kind = "medication", code = "anticoagulant", name = "Warfarin", startedOn = "2024-01-10" });
        var key = entry.Id("entryKey");

        var revised = await (await clinician.PutMatchingAsync($"/patients/{id}/screening/{key}", new { kind = "medication", code = "anticoagulant", name = "Warfarin", startedOn = "2024-01-10", endedOn = "2025-03-01" })).Json(HttpStatusCode.OK);
        Assert.Equal(2, revised.GetProperty("revision").GetInt32());

        var current = (await clinician.GetOk($"/patients/{id}/screening")).GetProperty("answers");
        Assert.Single(current.EnumerateArray());
        Assert.Equal("2025-03-01", current[0].GetProperty("endedOn").GetString());

        var history = await clinician.GetOk($"/patients/{id}/screening/history");
        Assert.Equal(2, history.GetArrayLength());
        Assert.NotEqual(JsonNull, history[0].GetProperty("supersededAtUtc").ValueKind);
        Assert.NotEqual(history[0].GetProperty("recordedBy").GetString(), history[1].GetProperty("recordedBy").GetString());
    }

    [Fact]
    public async Task Removing_a_screening_answer_needs_a_reason_and_keeps_it_in_the_history()
    {
        using var clinician = await app.As("Practitioner");
        var id = await clinician.RegisterPatient("Ola", "Removed");
        var key = (await clinician.PostOk($"/patients/{id}/screening", new { kind = "allergy", code = "latex" })).Id("entryKey");
        await (await clinician.PostMatchingAsync($"/patients/{id}/screening/{key}/remove", new { reason = "" })).AssertProblem(HttpStatusCode.BadRequest);
        await clinician.PostOk($"/patients/{id}/screening/{key}/remove", new { reason = "Entered for the wrong patient" }, HttpStatusCode.OK);

        Assert.Empty((await clinician.GetOk($"/patients/{id}/screening")).GetProperty("answers").EnumerateArray());
        var history = await clinician.GetOk($"/patients/{id}/screening/history");
        Assert.True(history[1].GetProperty("removed").GetBoolean());
        Assert.Equal("Entered for the wrong patient", history[1].GetProperty("notes").GetString());
    }

    [Fact]
    public async Task Screening_codes_outside_the_rules_vocabulary_are_refused()
    {
        using var desk = await app.As("Receptionist");
        var id = await desk.RegisterPatient("Vocab", "Check");
        var problem = await (await desk.PostAsJsonAsync($"/patients/{id}/screening", new { kind = "skin-finding", code = "sunburn", area = "cheeks", startedOn = "2026-01-01" })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _));
    }

    [Fact]
    public async Task A_screening_area_outside_the_body_area_list_is_refused_naming_the_area_and_the_codes()
    {
        using var desk = await app.As("Receptionist");
        var id = await desk.RegisterPatient("Area", "Check");
        var problem = await (await desk.PostAsJsonAsync($"/patients/{id}/screening", new { kind = "skin-finding", code = "active-infection", area = "left cheek", startedOn = "2026-01-01" })).AssertProblem(HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("area")[0].GetString();
        Assert.Contains("cheeks", message);
        Assert.Contains("periorbital", message);

        await desk.PostOk($"/patients/{id}/screening", new { kind = "skin-finding", code = "active-infection", area = "face", startedOn = "2026-01-01" });
    }

    [Fact]
    public async Task The_body_area_list_gives_each_area_its_parent_depth_zone_and_names_in_three_languages()
    {
        using var desk = await app.As("Receptionist");
        var areas = await desk.GetOk("/body-areas");
        var cheeks = areas.EnumerateArray().Single(a => a.GetProperty("code").GetString() == "cheeks");
        Assert.Equal("face", cheeks.GetProperty("parent").GetString());
        Assert.Equal("cheeks", cheeks.GetProperty("depthZone").GetString());
        Assert.Equal("頬", cheeks.GetProperty("names").GetProperty("ja").GetString());
        Assert.Equal("แก้ม", cheeks.GetProperty("names").GetProperty("th").GetString());
        var face = areas.EnumerateArray().Single(a => a.GetProperty("code").GetString() == "face");
        Assert.Equal(JsonNull, face.GetProperty("depthZone").ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}

public sealed class PatientTestsOnSqlite(SqliteApp app) : PatientTests(app), IClassFixture<SqliteApp>;

public sealed class PatientTestsOnPostgres(PostgresApp app) : PatientTests(app), IClassFixture<PostgresApp>;

public sealed class PatientTestsOnSqlServer(SqlServerApp app) : PatientTests(app), IClassFixture<SqlServerApp>;
