using System.Net;
using System.Net.Http.Headers;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Audit;

/// <summary>
/// A practitioner's calendar feed shows patients' initials and treatment codes, so fetching it is a read of each patient
/// in it; calendar apps poll every few minutes, so the trail holds one row per patient per feed per UTC day. A feed an
/// Admin made shows busy blocks only and reads no one. This class moves its own app's clock.
/// </summary>
public abstract class CalendarFeedReadAuditTests(AppFixture app)
{
    private const string FeedRead = "CalendarFeedAppointments";

    [Fact]
    public async Task A_practitioners_feed_is_a_read_of_each_patient_in_it_once_a_day_and_a_busy_only_feed_of_no_one()
    {
        var r = await BookingSetup.Create(app, "Feedread");
        using var desk = await app.As("Receptionist");
        var other = await desk.RegisterPatient("Sena", BookingSetup.Unique("Feedread"));
        var elsewhere = await desk.RegisterPatient("Riku", BookingSetup.Unique("Elsewhere"));
        var start = BookingSetup.NextWeekday(10, weeksAhead: 3, from: app.Clock.GetUtcNow());
        var mine = (await (await desk.Book(BookingSetup.Booking(r, start))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        var theirs = (await (await desk.Book(BookingSetup.Booking(r with { Patient = other }, start.AddHours(2)))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        // Another practitioner's patient: not in this feed.
        var second = await BookingSetup.Create(app, "Elsewhere");
        await (await desk.Book(BookingSetup.Booking(second with { Patient = elsewhere }, start))).Json(HttpStatusCode.Created);

        using var admin = await app.As("Admin");
        var busy = await admin.PostOk($"/practitioners/{r.Practitioner}/calendar-feeds", new { });
        using var self = await Self(r.Practitioner);
        var feed = await self.PostOk($"/practitioners/{r.Practitioner}/calendar-feeds", new { });
        var (busyUrl, url) = (Path(busy), Path(feed));
        using var calendarApp = app.Anonymous();

        Assert.DoesNotContain("P. F.", await Fetch(calendarApp, busyUrl));
        var text = await Fetch(calendarApp, url);
        Assert.Contains("P. F. – MN-PEN", text);
        await Fetch(calendarApp, url);
        await Fetch(calendarApp, busyUrl);

        using (var auditor = await AuditTrail.AuditorAsync(app))
        {
            foreach (var (patient, appointment) in new[] { (r.Patient, mine), (other, theirs) })
            {
                var read = Assert.Single(await AuditTrail.ReadsAsync(auditor, patient, FeedRead));
                Assert.Equal($"calendar-feed:{feed.Id()}", read.GetProperty("actor").GetString());
                Assert.Equal(appointment.ToString(), read.GetProperty("fields").GetString());
            }
            Assert.Empty(await AuditTrail.ReadsAsync(auditor, elsewhere, FeedRead));
        }

        // The next UTC day: the first fetch records each patient again, the busy-only feed still no one.
        var now = app.Clock.GetUtcNow();
        app.Clock.Advance(now.UtcDateTime.Date.AddDays(1).AddHours(1) - now.UtcDateTime);
        await Fetch(calendarApp, busyUrl);
        await Fetch(calendarApp, url);
        await Fetch(calendarApp, url);

        // A new auditor: a day on, the first one's sign-in may have expired.
        using var nextDay = await AuditTrail.AuditorAsync(app);
        foreach (var patient in new[] { r.Patient, other })
        {
            var reads = await AuditTrail.ReadsAsync(nextDay, patient, FeedRead);
            Assert.Equal(2, reads.Count);
            Assert.Equal(2, reads.Select(x => x.GetProperty("atUtc").GetDateTime().Date).Distinct().Count());
            Assert.All(reads, x => Assert.Equal($"calendar-feed:{feed.Id()}", x.GetProperty("actor").GetString()));
        }
        Assert.Empty(await AuditTrail.ReadsAsync(nextDay, elsewhere, FeedRead));

        // The token is the credential: it is in no row of these patients' trails, in any column.
        foreach (var token in new[] { Token(busyUrl), Token(url) })
        {
            foreach (var patient in new[] { r.Patient, other })
            {
                var trail = await (await nextDay.GetAsync($"/audit?patient={patient}")).Content.ReadAsStringAsync();
                Assert.Contains(FeedRead, trail);
                Assert.DoesNotContain(token, trail);
            }
        }
    }

    private static string Path(System.Text.Json.JsonElement feed) => new Uri(feed.GetProperty("url").GetString()!).AbsolutePath;

    private static string Token(string path) => path["/calendar/".Length..^".ics".Length];

    private static async Task<string> Fetch(HttpClient calendarApp, string path)
    {
        var response = await calendarApp.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A client signed in as the practitioner themself: only their own feed shows initials.</summary>
    private async Task<HttpClient> Self(Guid practitioner)
    {
        using var admin = await app.As("Admin");
        var username = BookingSetup.Unique("self").ToLowerInvariant();
        await admin.PostOk("/staff", new { username, displayName = "Dr Self", password = AppFixture.Password, roles = new[] { "Practitioner" }, practitionerId = practitioner });
        var self = app.Anonymous();
        self.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.SignIn(username, AppFixture.Password));
        return self;
    }
}

public sealed class CalendarFeedReadAuditTestsOnSqlite(SqliteApp app) : CalendarFeedReadAuditTests(app), IClassFixture<SqliteApp>;

public sealed class CalendarFeedReadAuditTestsOnPostgres(PostgresApp app) : CalendarFeedReadAuditTests(app), IClassFixture<PostgresApp>;

public sealed class CalendarFeedReadAuditTestsOnSqlServer(SqlServerApp app) : CalendarFeedReadAuditTests(app), IClassFixture<SqlServerApp>;
