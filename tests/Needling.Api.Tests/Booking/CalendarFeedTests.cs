using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Booking;

/// <summary>Practitioners' calendar subscriptions: an unguessable address, RFC 5545 content, no health data, revocable.</summary>
public abstract class CalendarFeedTests(AppFixture app)
{
    /// <summary>Just enough of RFC 5545 to check a feed: unfolds lines and collects each component's properties.</summary>
    private sealed class Ics
    {
        public List<Dictionary<string, string>> Events { get; } = [];
        public Dictionary<string, string> Calendar { get; } = [];

        public static Ics Parse(string text)
        {
            Assert.EndsWith("\r\n", text);
            Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal));
            foreach (var physical in text.Split("\r\n"))
            {
                Assert.True(Encoding.UTF8.GetByteCount(physical) <= 75, $"line longer than 75 octets: {physical}");
            }
            var lines = text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal)
                .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var ics = new Ics();
            var open = new Stack<string>();
            Dictionary<string, string>? current = null;
            foreach (var line in lines)
            {
                var colon = line.IndexOf(':');
                Assert.True(colon > 0, $"not a content line: {line}");
                var (name, value) = (line[..colon].Split(';')[0], line[(colon + 1)..]);
                if (name == "BEGIN")
                {
                    open.Push(value);
                    current = value == "VEVENT" ? [] : value == "VCALENDAR" ? ics.Calendar : current;
                    if (value == "VEVENT")
                    {
                        ics.Events.Add(current!);
                    }
                }
                else if (name == "END")
                {
                    Assert.Equal(open.Pop(), value);
                    current = open.Count > 0 && open.Peek() == "VCALENDAR" ? ics.Calendar : null;
                }
                else
                {
                    Assert.NotNull(current);
                    current[name] = value;
                }
            }
            Assert.Empty(open);
            Assert.Equal("VCALENDAR", lines[0].Split(':')[1]);
            foreach (var required in new[] { "PRODID", "VERSION", "CALSCALE", "METHOD", "X-WR-CALNAME" })
            {
                Assert.True(ics.Calendar.ContainsKey(required), $"VCALENDAR lacks {required}");
            }
            Assert.Equal("2.0", ics.Calendar["VERSION"]);
            foreach (var e in ics.Events)
            {
                foreach (var required in new[] { "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE", "STATUS" })
                {
                    Assert.True(e.ContainsKey(required), $"VEVENT lacks {required}");
                }
                Assert.Matches(@"^\d{8}T\d{6}Z$", e["DTSTART"]);
                Assert.Matches(@"^\d{8}T\d{6}Z$", e["DTEND"]);
            }
            return ics;
        }
    }

    private static async Task<string> Download(HttpClient anonymous, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await anonymous.GetAsync(url);
        if (expected != HttpStatusCode.OK)
        {
            await response.AssertProblem(expected);
            return "";
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A client signed in as the practitioner themself (a Practitioner account linked to them).</summary>
    private async Task<HttpClient> Self(Guid practitioner)
    {
        using var admin = await app.As("Admin");
        var username = BookingSetup.Unique("self").ToLowerInvariant();
        await admin.PostOk("/staff", new { username, displayName = "Dr Self", password = AppFixture.Password, roles = new[] { "Practitioner" }, practitionerId = practitioner });
        var self = app.Anonymous();
        self.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.SignIn(username, AppFixture.Password));
        return self;
    }

    [Fact]
    public async Task A_practitioners_own_feed_shows_their_appointments_with_initials_and_treatment_code_only()
    {
        var r = await BookingSetup.Create(app, family: "Calloway");
        using var admin = await app.As("Admin");
        using var desk = await app.As("Receptionist");
        using var self = await Self(r.Practitioner);
        using var anonymous = app.Anonymous();
        var start = BookingSetup.NextWeekday(9, weeksAhead: 2);
        var booking = await (await desk.Book(BookingSetup.Booking(r, start))).Json(HttpStatusCode.Created);
        var appointmentId = booking.GetProperty("appointment").Id();
        var patient = await desk.GetOk($"/patients/{r.Patient}");
        var family = patient.GetProperty("familyName").GetString()!;
        var room = (await admin.GetOk("/rooms")).EnumerateArray().Single(x => x.Id() == r.Room).GetProperty("name").GetString()!;

        var feed = await self.PostOk($"/practitioners/{r.Practitioner}/calendar-feeds", new { });
        Assert.False((await self.GetOk($"/practitioners/{r.Practitioner}/calendar-feeds")).EnumerateArray().Single().GetProperty("busyOnly").GetBoolean());
        var address = feed.GetProperty("url").GetString()!;
        // Absolute, on the configured public address, so a calendar app can subscribe to it as given.
        Assert.Matches("^http://localhost:5080/calendar/[A-Za-z0-9_-]{43}\\.ics$", address);
        var url = new Uri(address).AbsolutePath;

        var text = await Download(anonymous, url);
        var ics = Ics.Parse(text);
        var e = Assert.Single(ics.Events);
        Assert.Equal($"{appointmentId}@needling", e["UID"]);
        Assert.Equal(start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'"), e["DTSTART"]);
        Assert.Equal(start.UtcDateTime.AddHours(1).ToString("yyyyMMdd'T'HHmmss'Z'"), e["DTEND"]);
        Assert.Equal("P. C. – MN-PEN", e["SUMMARY"]);
        Assert.Equal(room, e["LOCATION"]);
        Assert.Equal("CONFIRMED", e["STATUS"]);
        Assert.DoesNotContain("Pat", text);
        Assert.DoesNotContain(family, text);
        Assert.DoesNotContain("hyperpigmentation", text);
        Assert.DoesNotContain("DESCRIPTION", text);

        await desk.PostOk($"/appointments/{appointmentId}/cancel", new { reason = "Patient unwell" }, HttpStatusCode.OK);
        var cancelled = Assert.Single(Ics.Parse(await Download(anonymous, url)).Events);
        Assert.Equal("CANCELLED", cancelled["STATUS"]);
        Assert.True(int.Parse(cancelled["SEQUENCE"]) >= int.Parse(e["SEQUENCE"]));
        Assert.DoesNotContain("unwell", await Download(anonymous, url));
    }

    [Fact]
    public async Task A_feed_an_admin_makes_shows_busy_blocks_with_no_patient_initials_or_treatment()
    {
        var r = await BookingSetup.Create(app, family: "Fairweather");
        using var admin = await app.As("Admin");
        using var desk = await app.As("Receptionist");
        using var anonymous = app.Anonymous();
        var start = BookingSetup.NextWeekday(11, weeksAhead: 2);
        var appointmentId = (await (await desk.Book(BookingSetup.Booking(r, start))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        var family = (await desk.GetOk($"/patients/{r.Patient}")).GetProperty("familyName").GetString()!;

        var feed = await admin.PostOk($"/practitioners/{r.Practitioner}/calendar-feeds", new { });
        Assert.True((await admin.GetOk($"/practitioners/{r.Practitioner}/calendar-feeds")).EnumerateArray().Single().GetProperty("busyOnly").GetBoolean());
        var text = await Download(anonymous, new Uri(feed.GetProperty("url").GetString()!).AbsolutePath);
        var e = Assert.Single(Ics.Parse(text).Events);
        Assert.Equal($"{appointmentId}@needling", e["UID"]);
        Assert.Equal(start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'"), e["DTSTART"]);
        Assert.Equal("Busy", e["SUMMARY"]);
        Assert.DoesNotContain("P. F.", text);
        Assert.DoesNotContain("Pat", text);
        Assert.DoesNotContain(family, text);
        Assert.DoesNotContain("MN-PEN", text);
        Assert.DoesNotContain("hyperpigmentation", text);
    }

    [Fact]
    public async Task A_revoked_or_unknown_feed_address_answers_not_found()
    {
        var r = await BookingSetup.Create(app);
        using var admin = await app.As("Admin");
        using var anonymous = app.Anonymous();
        var feed = await admin.PostOk($"/practitioners/{r.Practitioner}/calendar-feeds", new { });
        var url = new Uri(feed.GetProperty("url").GetString()!).AbsolutePath;
        Assert.Empty(Ics.Parse(await Download(anonymous, url)).Events);

        var listed = await admin.GetAsync($"/practitioners/{r.Practitioner}/calendar-feeds");
        var body = await listed.Content.ReadAsStringAsync();
        Assert.DoesNotContain(url.Split('/')[2].Replace(".ics", "", StringComparison.Ordinal), body);
        var entry = (await listed.Json(HttpStatusCode.OK)).EnumerateArray().Single();
        Assert.Equal(feed.Id(), entry.Id());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, entry.GetProperty("revokedAtUtc").ValueKind);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/practitioners/{r.Practitioner}/calendar-feeds/{feed.Id()}")).StatusCode);
        await Download(anonymous, url, HttpStatusCode.NotFound);
        var revoked = (await admin.GetOk($"/practitioners/{r.Practitioner}/calendar-feeds")).EnumerateArray().Single();
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, revoked.GetProperty("revokedAtUtc").ValueKind);

        await Download(anonymous, "/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"/practitioners/{r.Practitioner}/calendar-feeds/{Guid.NewGuid()}")).AssertProblem(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync($"/practitioners/{Guid.NewGuid()}/calendar-feeds", new { })).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_practitioner_may_subscribe_to_their_own_calendar_but_not_a_colleagues()
    {
        using var admin = await app.As("Admin");
        var own = await admin.RegisterPractitioner(BookingSetup.Unique("Dr Own"), ["microneedling-device-training"]);
        var colleague = await admin.RegisterPractitioner(BookingSetup.Unique("Dr Colleague"), ["microneedling-device-training"]);
        var username = BookingSetup.Unique("own").ToLowerInvariant();
        await admin.PostOk("/staff", new { username, displayName = "Dr Own", password = AppFixture.Password, roles = new[] { "Practitioner" }, practitionerId = own });
        using var self = app.Anonymous();
        self.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.SignIn(username, AppFixture.Password));

        var feed = await self.PostOk($"/practitioners/{own}/calendar-feeds", new { });
        Assert.Single((await self.GetOk($"/practitioners/{own}/calendar-feeds")).EnumerateArray());
        await (await self.PostAsJsonAsync($"/practitioners/{colleague}/calendar-feeds", new { })).AssertProblem(HttpStatusCode.Forbidden);
        await (await self.GetAsync($"/practitioners/{colleague}/calendar-feeds")).AssertProblem(HttpStatusCode.Forbidden);
        using var desk = await app.As("Receptionist");
        await (await desk.PostAsJsonAsync($"/practitioners/{own}/calendar-feeds", new { })).AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await self.DeleteAsync($"/practitioners/{own}/calendar-feeds/{feed.Id()}")).StatusCode);
    }
}

public sealed class CalendarFeedTestsOnSqlite(SqliteApp app) : CalendarFeedTests(app), IClassFixture<SqliteApp>;

public sealed class CalendarFeedTestsOnPostgres(PostgresApp app) : CalendarFeedTests(app), IClassFixture<PostgresApp>;

public sealed class CalendarFeedTestsOnSqlServer(SqlServerApp app) : CalendarFeedTests(app), IClassFixture<SqlServerApp>;
