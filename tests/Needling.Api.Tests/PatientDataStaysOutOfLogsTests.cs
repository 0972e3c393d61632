using System.Net;
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

    [Fact]
    public async Task The_tokens_of_calendar_feeds_and_signing_links_never_appear_in_any_log_line()
    {
        // Whoever holds one reads a practitioner's diary or signs for a patient: a log must not hand them out.
        var r = await BookingSetup.Create(app, "Tokens");
        using var admin = await app.As("Admin");
        using var desk = await app.As("Receptionist");
        using var anonymous = app.Anonymous();
        var feed = new Uri((await admin.PostOk($"/practitioners/{r.Practitioner}/calendar-feeds", new { })).GetProperty("url").GetString()!).AbsolutePath;
        var request = (await desk.PostOk("/consent/requests", new { patientId = r.Patient, treatmentCode = "MN-PEN" })).Id();
        var link = (await desk.PostOk($"/consent/requests/{request}/link", new { }, HttpStatusCode.OK)).GetProperty("url").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(feed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(link)).StatusCode);

        // The requests were logged, by their routes.
        Assert.Contains(app.Logs.Lines, l => l.Contains("Needling.Api.Requests: GET /calendar/{token}.ics answered 200", StringComparison.Ordinal));
        Assert.Contains(app.Logs.Lines, l => l.Contains("Needling.Api.Requests: GET /consent/sign/{token} answered 200", StringComparison.Ordinal));
        foreach (var token in new[] { feed["/calendar/".Length..^".ics".Length], link["/consent/sign/".Length..] })
        {
            Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(token, StringComparison.Ordinal));
        }
    }
}
