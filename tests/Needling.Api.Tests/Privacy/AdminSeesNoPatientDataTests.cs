using System.Net;
using System.Text.RegularExpressions;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Privacy;

/// <summary>
/// An Admin runs the clinic and never sees patient data: every GET an Admin may call (the role matrix's list), the
/// calendar feed an Admin made, and the jobs dashboard, read after a distinctively named patient has been booked and
/// sent a consent link, carry neither the patient's name, initials, date of birth nor phone.
/// </summary>
public abstract partial class AdminSeesNoPatientDataTests(AppFixture app)
{
    [Fact]
    public async Task No_answer_to_an_admin_carries_a_patients_name_initials_date_of_birth_or_phone()
    {
        var family = "Quaxworth" + Guid.NewGuid().ToString("N")[..6];
        using var admin = await app.As("Admin");
        using var desk = await app.As("Receptionist");
        var practitioner = await admin.RegisterPractitioner(BookingSetup.Unique("Dr"), ["microneedling-device-training", "dry-needling-certification", "physician"]);
        var r = new BookingSetup.Resources(practitioner, await BookingSetup.Room(admin), await BookingSetup.Pen(admin),
            await desk.RegisterPatient("Zebulon", family, dob: "1971-03-29"));
        await (await desk.Book(BookingSetup.Booking(r, BookingSetup.NextWeekday(10, weeksAhead: 1)))).Json(HttpStatusCode.Created);
        // The booking opens the pen consent request in the background: once it has, asking again finds that one.
        Assert.True(await Background.SettledAsync(app), "the booking's background work should finish");
        var consent = (await desk.PostOk("/consent/requests", new { patientId = r.Patient, treatmentCode = "MN-PEN" }, HttpStatusCode.OK)).Id();
        await desk.PostOk($"/consent/requests/{consent}/link", new { }, HttpStatusCode.OK);
        var feed = new Uri((await admin.PostOk($"/practitioners/{practitioner}/calendar-feeds", new { })).GetProperty("url").GetString()!).AbsolutePath;
        await Task.Delay(TimeSpan.FromSeconds(2)); // the facts of the booking and the link go through the jobs

        var paths = RoleMatrixTests.Matrix
            .Where(e => e.Method == "GET" && e.Roles.Contains("Admin"))
            .Select(e => e.Template.StartsWith("/practitioners/{id:guid}", StringComparison.Ordinal)
                ? e.Template.Replace("{id:guid}", practitioner.ToString(), StringComparison.Ordinal)
                : e.Path)
            .Concat([feed, "/hangfire", "/hangfire/jobs/succeeded", "/hangfire/jobs/enqueued", "/hangfire/jobs/scheduled", "/hangfire/jobs/failed", "/hangfire/recurring"])
            .ToList();
        Assert.Contains(paths, p => p.Contains(practitioner.ToString(), StringComparison.Ordinal));
        var read = 0;
        var seen = new HashSet<string>();
        while (paths.Count > 0)
        {
            var path = paths[0];
            paths.RemoveAt(0);
            if (!seen.Add(path))
            {
                continue;
            }
            var response = await (path == feed ? app.Anonymous() : admin).GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"GET {path}: {(int)response.StatusCode}");
            foreach (var secret in new[] { "Zebulon", family, "Z. Q.", "1971-03-29", "19710329", "29/03/1971", "7946 0999" })
            {
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"GET {path} as Admin shows '{secret}'");
            }
            if (response.StatusCode == HttpStatusCode.OK)
            {
                read++;
            }
            // The dashboard's job pages, one by one: a job's arguments and any failure text are shown there.
            paths.AddRange(JobDetailLink().Matches(body).Select(m => m.Value).Take(30));
        }
        Assert.True(read >= 20, $"only {read} answers read");
        var ics = await app.Anonymous().GetStringAsync(feed);
        Assert.Contains("SUMMARY:Busy", ics);
    }

    [GeneratedRegex("/hangfire/jobs/details/[0-9A-Za-z-]+")]
    private static partial Regex JobDetailLink();
}

public sealed class AdminSeesNoPatientDataTestsOnSqlite(SqliteApp app) : AdminSeesNoPatientDataTests(app), IClassFixture<SqliteApp>;

public sealed class AdminSeesNoPatientDataTestsOnPostgres(PostgresApp app) : AdminSeesNoPatientDataTests(app), IClassFixture<PostgresApp>;
