using System.Net;
using System.Text.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Audit;

/// <summary>
/// Lists that show several patients at once (a patient search, the diary, the complications list) are reads of every
/// patient shown: one row each in that patient's trail, naming what of theirs was shown, and none for anyone else.
/// </summary>
public abstract class ListReadAuditTests(AppFixture app)
{
    [Fact]
    public async Task A_patient_search_is_a_read_of_each_patient_found_and_of_no_one_else()
    {
        var family = BookingSetup.Unique("Searchfound");
        using var desk = await app.As("Receptionist");
        var first = await desk.RegisterPatient("Aoi", family);
        var second = await desk.RegisterPatient("Hina", family);
        var missed = await desk.RegisterPatient("Aoi", BookingSetup.Unique("Notfound"));

        var found = await desk.PostOk("/patients/search", new { name = family }, HttpStatusCode.OK);
        Assert.Equal(2, found.GetArrayLength());

        using var auditor = await AuditTrail.AuditorAsync(app);
        foreach (var patient in new[] { first, second })
        {
            var read = Assert.Single(await AuditTrail.ReadsAsync(auditor, patient, "PatientSearch"));
            Assert.Equal(await AuditTrail.ActorOfRegistrationAsync(auditor, patient), read.GetProperty("actor").GetString());
            Assert.Equal(patient.ToString(), read.GetProperty("entityId").GetString());
        }
        Assert.Empty(await AuditTrail.ReadsAsync(auditor, missed, "PatientSearch"));
    }

    [Fact]
    public async Task A_practitioners_diary_is_a_read_of_each_patient_in_it_naming_their_appointments()
    {
        var r = await BookingSetup.Create(app, "Diary");
        using var desk = await app.As("Receptionist");
        var other = await desk.RegisterPatient("Sena", BookingSetup.Unique("Diary"));
        var elsewhere = await desk.RegisterPatient("Riku", BookingSetup.Unique("Elsewhere"));
        var start = BookingSetup.NextWeekday(10, weeksAhead: 3, from: app.Clock.GetUtcNow());
        var mine = (await (await desk.Book(BookingSetup.Booking(r, start))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        var theirs = (await (await desk.Book(BookingSetup.Booking(r with { Patient = other }, start.AddHours(2)))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        // Another practitioner's patient, the same day: not in this diary.
        var second = await BookingSetup.Create(app, "Elsewhere");
        await (await desk.Book(BookingSetup.Booking(second with { Patient = elsewhere }, start))).Json(HttpStatusCode.Created);

        using var practitioner = await app.As("Practitioner");
        var diary = await practitioner.PostOk("/appointments/search",
            new { from = start.AddHours(-1), to = start.AddHours(4), practitionerId = r.Practitioner }, HttpStatusCode.OK);
        Assert.Equal(2, diary.GetArrayLength());

        using var auditor = await AuditTrail.AuditorAsync(app);
        foreach (var (patient, appointment) in new[] { (r.Patient, mine), (other, theirs) })
        {
            var read = Assert.Single(await AuditTrail.ReadsAsync(auditor, patient, "DiaryAppointments"));
            Assert.Equal(appointment.ToString(), read.GetProperty("fields").GetString());
            Assert.NotEqual("system", read.GetProperty("actor").GetString());
        }
        Assert.Empty(await AuditTrail.ReadsAsync(auditor, elsewhere, "DiaryAppointments"));
    }

    [Fact]
    public async Task The_complications_list_is_a_read_of_each_patient_whose_report_it_shows()
    {
        var setup = new SessionSetup(app);
        var chair = await setup.PractitionerAsync();
        var reported = await SignedVisitAsync(setup, chair);
        var quiet = await SignedVisitAsync(setup, chair);
        var followUps = app.Database.Table("aftercare", "follow_ups");
        Assert.True(await Sql.Eventually(async () => await app.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM {followUps} WHERE patient_id IN (@a, @b)", ("@a", reported), ("@b", quiet)) >= 4, seconds: 60));
        // The patient's answer through their link, written directly: the list is what is under test, not the link.
        Assert.Equal(1, await app.Database.ExecuteAsync(
            $"UPDATE {followUps} SET answer = 'wrong', answered_at_utc = @at, text = 'Swelling' WHERE patient_id = @p AND day = 2",
            ("@at", app.Clock.GetUtcNow().UtcDateTime), ("@p", reported)));

        using var doctor = await setup.SignedIn(chair);
        var list = (await doctor.GetOk("/complications")).EnumerateArray().ToList();
        var report = Assert.Single(list, x => x.GetProperty("patientId").GetGuid() == reported);
        Assert.DoesNotContain(list, x => x.GetProperty("patientId").GetGuid() == quiet);

        using var auditor = await AuditTrail.AuditorAsync(app);
        var read = Assert.Single(await AuditTrail.ReadsAsync(auditor, reported, "ComplicationReports"));
        Assert.Equal(report.Id().ToString(), read.GetProperty("fields").GetString());
        Assert.Empty(await AuditTrail.ReadsAsync(auditor, quiet, "ComplicationReports"));
    }

    private static async Task<Guid> SignedVisitAsync(SessionSetup setup, SessionSetup.Chair chair)
    {
        var visit = await setup.CheckedInAsync(chair);
        using var client = await setup.SignedIn(chair);
        await setup.SignedSessionAsync(client, visit);
        return visit.Patient;
    }
}

public sealed class ListReadAuditTestsOnSqlite(SqliteApp app) : ListReadAuditTests(app), IClassFixture<SqliteApp>;

public sealed class ListReadAuditTestsOnPostgres(PostgresApp app) : ListReadAuditTests(app), IClassFixture<PostgresApp>;

public sealed class ListReadAuditTestsOnSqlServer(SqlServerApp app) : ListReadAuditTests(app), IClassFixture<SqlServerApp>;

/// <summary>Reading a patient's trail as an auditor does (an Admin with the auditor permission).</summary>
internal static class AuditTrail
{
    public static async Task<HttpClient> AuditorAsync(AppFixture app)
    {
        using var admin = await app.As("Admin", freshToken: true);
        var (id, username) = await Accounts.CreateAsync(admin, "Admin");
        await (await admin.PutMatchingAsync($"/staff/{id}", new { displayName = "Auditor", roles = new[] { "Admin" }, active = true, auditor = true })).Json(HttpStatusCode.OK);
        return app.WithToken(await app.SignIn(username, AppFixture.Password));
    }

    public static async Task<List<JsonElement>> EntriesAsync(HttpClient auditor, Guid patient) =>
        (await auditor.GetOk($"/audit?patient={patient}")).GetProperty("entries").EnumerateArray().ToList();

    public static async Task<List<JsonElement>> ReadsAsync(HttpClient auditor, Guid patient, string what) =>
        (await EntriesAsync(auditor, patient))
            .Where(e => e.GetProperty("action").GetString() == "read" && e.GetProperty("entityType").GetString() == what).ToList();

    /// <summary>The receptionist account that registered the patient (the same shared account searches in these tests).</summary>
    public static async Task<string?> ActorOfRegistrationAsync(HttpClient auditor, Guid patient) =>
        (await EntriesAsync(auditor, patient)).Single(e => e.GetProperty("action").GetString() == "created" && e.GetProperty("entityType").GetString() == "Patient")
            .GetProperty("actor").GetString();
}
