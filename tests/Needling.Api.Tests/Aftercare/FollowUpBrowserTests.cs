using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Needling.Aftercare.Data;
using Needling.Aftercare.Domain;
using Needling.Aftercare.FollowUps;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Aftercare;

/// <summary>
/// The patient's check-in page in a real headless chromium against the service on a loopback port: "something is
/// wrong" with a description, and the report waits on the treating practitioner's list until closed with a note.
/// </summary>
public sealed class FollowUpBrowserTests(LoopbackApp app, HeadlessChromium browser) : IClassFixture<LoopbackApp>, IClassFixture<HeadlessChromium>
{
    [Fact]
    public async Task A_patient_answers_something_is_wrong_and_the_report_is_on_the_practitioners_list_until_closed()
    {
        using var admin = await app.SignedIn("admin");
        var practitioner = await admin.RegisterPractitioner(BookingSetup.Unique("Dr"), ["microneedling-device-training"]);
        await admin.PostOk("/staff", new { username = "doc", displayName = "Dr Follow", password = LoopbackApp.Password, roles = new[] { "Practitioner" }, practitionerId = practitioner });
        var (followUpId, token) = await DayTwoCheckInAsync(practitioner);

        await using var page = await browser.OpenPageAsync();
        await page.NavigateAsync(new Uri(app.BaseAddress, $"/aftercare/follow-up/{token}").ToString());
        Assert.Equal("en", await page.TextAsync("document.documentElement.lang"));
        // The page's style sheet applies under its Content-Security-Policy (allowed by its hash, no 'unsafe-inline').
        Assert.Equal("rgb(29, 78, 137)", await page.TextAsync("getComputedStyle(document.getElementById('send')).backgroundColor"));
        await page.ClickAsync("#wrong");
        await page.TypeAsync("#text", "The left cheek is still red and it itches");
        await page.ClickAsync("#send");
        await page.WaitForAsync("document.getElementById('thanks') !== null", "the page that thanks the patient and says the practitioner will call");

        using var doc = await app.SignedIn("doc");
        var report = Assert.Single((await doc.GetOk("/complications")).EnumerateArray());
        Assert.Equal(followUpId, report.Id());
        Assert.Equal("report", report.GetProperty("kind").GetString());
        Assert.Equal("The left cheek is still red and it itches", report.GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await doc.PostAsync($"/complications/{followUpId}/acknowledge", null)).StatusCode);
        await (await doc.PostAsJsonAsync($"/complications/{followUpId}/close", new { note = "" })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await doc.PostAsJsonAsync($"/complications/{followUpId}/close", new { note = "Called her: normal healing, reviewed on a photo; hydrocortisone 1% for 3 days" })).StatusCode);
        Assert.Empty((await doc.GetOk("/complications")).EnumerateArray());

        // The link answers once: opening it again shows the thank-you, not the form.
        await page.NavigateAsync(new Uri(app.BaseAddress, $"/aftercare/follow-up/{token}").ToString());
        Assert.Equal("answered", await page.TextAsync("document.getElementById('send') === null ? 'answered' : 'form'"));
    }

    /// <summary>A day-2 check-in of a session signed two days ago (the session itself is another test's subject).</summary>
    private async Task<(Guid Id, string Token)> DayTwoCheckInAsync(Guid practitioner)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AftercareDbContext>();
        var now = DateTime.UtcNow;
        var f = new FollowUp
        {
            SessionId = Guid.NewGuid(), PatientId = Guid.NewGuid(), PractitionerId = practitioner, TreatmentCode = "MN-PEN", Language = "en",
            Day = 2, PerformedAtUtc = now.AddDays(-2), DueAtUtc = now.AddHours(-1),
        };
        db.FollowUps.Add(f);
        await db.SaveChangesAsync();
        return (f.Id, scope.ServiceProvider.GetRequiredService<FollowUpLinks>().Create(f.Id, now.AddDays(7)));
    }
}
