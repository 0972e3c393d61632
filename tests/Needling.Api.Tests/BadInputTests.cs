using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Needling.Api.Tests.Support;
using Needling.Patients.Data;

namespace Needling.Api.Tests;

/// <summary>Bad input gets a problem+json 4xx naming what was wrong, never a 500 and never a half-written record.</summary>
public abstract class BadInputTests(AppFixture app)
{
    private async Task<(int Patients, int Audit)> Counts()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatientsDbContext>();
        return (await db.Patients.CountAsync(), await db.Set<Needling.SharedKernel.Audit.AuditRecord>().CountAsync());
    }

    private async Task<HttpResponseMessage> PostRaw(string path, string json)
    {
        using var desk = await app.As("Receptionist");
        return await desk.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
    }

    [Theory]
    [InlineData("{\"givenName\": \"Ann\", ", "not valid JSON")]
    [InlineData("{\"givenName\": \"Ann\", \"familyName\": \"Lee\", \"dateOfBirth\": 19900101}", "$.dateOfBirth")]
    [InlineData("{\"givenName\": \"Ann\", \"familyName\": \"Lee\", \"dateOfBirth\": \"31/12/1990\"}", "$.dateOfBirth")]
    [InlineData("{\"givenName\": \"Ann\", \"dateOfBirth\": \"1990-01-01\"}", "familyName")]
    [InlineData("{\"givenName\": \"Ann\", \"familyName\": null, \"dateOfBirth\": \"1990-01-01\"}", "familyName")]
    [InlineData("{\"givenName\": \"Ann\", \"familyName\": \"Lee\", \"dateOfBirth\": \"1990-01-01\", \"bloodType\": \"A\"}", "bloodType")]
    [InlineData("[1, 2, 3]", "$")]
    public async Task Malformed_or_mistyped_patient_JSON_is_a_400_naming_the_field_and_saves_nothing(string json, string named)
    {
        var before = await Counts();
        var problem = await (await PostRaw("/patients", json)).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains(named, problem.Detail());
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Invalid_values_are_a_400_listing_each_field()
    {
        var before = await Counts();
        using var desk = await app.As("Receptionist");
        var response = await desk.PostAsJsonAsync("/patients", new { givenName = " ", familyName = "Lee", dateOfBirth = "2999-01-01", preferredLanguage = "fr", email = "not-an-address" });
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "givenName", "dateOfBirth", "preferredLanguage", "email" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_and_saves_nothing()
    {
        var before = await Counts();
        var huge = "{\"givenName\": \"" + new string('a', 200_000) + "\", \"familyName\": \"Lee\", \"dateOfBirth\": \"1990-01-01\"}";
        await (await PostRaw("/patients", huge)).AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Unknown_ids_are_a_404_naming_what_was_not_found()
    {
        using var desk = await app.As("Practitioner");
        var missing = Guid.NewGuid();
        var problem = await (await desk.GetAsync($"/patients/{missing}")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Contains("Patient", problem.Detail());
        problem = await (await desk.PostAsJsonAsync($"/patients/{missing}/screening", new { kind = "allergy", code = "latex" })).AssertProblem(HttpStatusCode.NotFound);
        Assert.Contains("Patient", problem.Detail());
        var patient = await desk.RegisterPatient("Unknown", "Ids");
        problem = await (await desk.PostAsJsonAsync("/eligibility", new
        {
            patientId = patient, treatmentCode = "MN-PEN", indication = "hyperpigmentation", practitionerId = missing, start = "2030-01-07T10:00:00Z",
        })).AssertProblem(HttpStatusCode.NotFound);
        Assert.Contains("Practitioner", problem.Detail());
    }

    [Fact]
    public async Task A_wrong_content_type_is_a_4xx_problem()
    {
        using var desk = await app.As("Receptionist");
        var response = await desk.PostAsync("/patients", new StringContent("givenName=Ann", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem_that_does_not_say_which_part_was_wrong()
    {
        using var client = app.Anonymous();
        var problem = await (await client.PostAsJsonAsync("/auth/token", new { username = "nobody", password = "whatever-password" })).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Contains("username or password", problem.Detail());
    }
}

public sealed class BadInputTestsOnSqlite(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;

public sealed class BadInputTestsOnPostgres(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>;

public sealed class BadInputTestsOnSqlServer(SqlServerApp app) : BadInputTests(app), IClassFixture<SqlServerApp>;
