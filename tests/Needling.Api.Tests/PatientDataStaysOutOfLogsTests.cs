using System.Net.Http.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests;

/// <summary>Health data is special-category data: it must not reach a log, even at Debug level and on errors.</summary>
public sealed class PatientDataStaysOutOfLogsTests(VerboseLogsApp app) : IClassFixture<VerboseLogsApp>
{
    [Fact]
    public async Task Names_birth_dates_phones_and_medications_never_appear_in_any_log_line()
    {
        using var desk = await app.As("Practitioner");
        var id = (await desk.PostOk("/patients", new { givenName = "Zebedee", familyName = "Quxworth", dateOfBirth = "1961-07-29", phone = "+44 7700 900123", preferredLanguage = "en" }))
            .GetProperty("patient").Id();
        await desk.PostOk("/patients/search", new { name = "Quxworth", dateOfBirth = "1961-07-29" }, System.Net.HttpStatusCode.OK);
        await desk.PostOk($"/patients/{id}/screening", new { kind = "medication", code = "isotretinoin", name = "Roaccutane-Xyzzy", startedOn = "2026-01-01" });
        await desk.PutAsJsonAsync($"/patients/{id}", new { givenName = "Zebedee", familyName = "Quxworth", dateOfBirth = "not-a-date" });
        await desk.PostAsJsonAsync("/patients", new { givenName = "Zebedee", familyName = "Quxworth", dateOfBirth = "1961-07-29", email = "zebedee.quxworth@invalid" });

        Assert.NotEmpty(app.Logs.Lines);
        Assert.Contains(app.Logs.Lines, l => l.Contains("Executed DbCommand", StringComparison.Ordinal)); // proves Debug/Information EF logs were on
        foreach (var secret in new[] { "Quxworth", "quxworth", "1961-07-29", "7700", "Roaccutane-Xyzzy" })
        {
            Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}
