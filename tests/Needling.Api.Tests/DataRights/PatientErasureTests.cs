using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.DataRights;

/// <summary>
/// The patient's right to erasure, within clinical-record retention: contact details, links and pending messages go at
/// once; the signed clinical record stays, with the reason and the date until which it is kept; someone never treated
/// can be erased completely.
/// </summary>
public abstract class PatientErasureTests(AppFixture app)
{
    [Fact]
    public async Task Erasure_removes_contact_details_and_keeps_the_signed_session_and_consent_with_the_retention_reason()
    {
        var visit = await DataRightsVisit.TreatedAsync(app);
        var v = visit.Visit;
        using var practitioner = await DataRightsVisit.SignedIn(app, "Practitioner");
        var deliveries = app.Database.Table("aftercare", "deliveries");
        var pending = $"SELECT count(*) FROM {deliveries} WHERE patient_id = @p AND status IN ('pending', 'sending')";
        Assert.True(await Sql.Eventually(async () => await app.Database.ScalarAsync(
            $"SELECT count(*) FROM {deliveries} WHERE patient_id = @p AND status = 'pending' AND kind = 'reminder'", ("@p", v.Patient)) == 1),
            "a reminder of the next visit should be waiting before the erasure");
        // and everything else the bookings set off has landed (a fact still in flight at erasure: ErasureRaceTests)
        Assert.True(await Background.SettledAsync(app), "the bookings' background work should have finished before the erasure");
        Assert.True(await app.Database.ScalarAsync(pending, ("@p", v.Patient)) > 1, "the follow-up messages should be waiting before the erasure");
        var signedAt = (await practitioner.GetOk($"/sessions/{visit.Session}")).GetProperty("signedAtUtc").GetDateTime();

        var erasure = await (await DataRightsVisit.Erase(practitioner, v.Patient)).Json(HttpStatusCode.OK);

        Assert.Equal("completed", erasure.GetProperty("status").GetString());
        var keptUntil = signedAt.AddYears(5);
        Assert.Equal(keptUntil, erasure.GetProperty("keptUntilUtc").GetDateTime());
        var kept = erasure.GetProperty("kept").EnumerateArray().ToList();
        foreach (var module in new[] { "sessions", "consent", "aftercare", "patients" })
        {
            var item = Assert.Single(kept, k => k.GetProperty("module").GetString() == module && k.GetProperty("what").GetString()!.Contains(module switch
            {
                "sessions" => "session records", "consent" => "signed consents", "aftercare" => "aftercare sheets", _ => "name",
            }, StringComparison.Ordinal));
            Assert.Contains("5 years after the last treatment", item.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal(keptUntil, item.GetProperty("keptUntilUtc").GetDateTime());
        }
        Assert.Contains(erasure.GetProperty("erased").EnumerateArray(), e => e.GetProperty("what").GetString()!.Contains("contact details", StringComparison.Ordinal)
            && e.GetProperty("count").GetInt32() == 1);

        // The contact details are gone; the name that identifies the clinical record stays.
        var patient = await practitioner.GetOk($"/patients/{v.Patient}");
        Assert.Equal(JsonValueKind.Null, patient.GetProperty("phone").ValueKind);
        Assert.Equal(JsonValueKind.Null, patient.GetProperty("email").ValueKind);
        Assert.Equal(visit.FamilyName, patient.GetProperty("familyName").GetString());
        // The signed session and consent are kept as they were.
        Assert.Equal("signed", (await practitioner.GetOk($"/sessions/{visit.Session}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await practitioner.GetAsync($"/consent/signed/{v.Consent}/pdf")).StatusCode);
        // The next visit is cancelled, and nothing more will be sent to the patient; the stored record says what was done.
        Assert.Equal("cancelled", (await practitioner.GetOk($"/appointments/{visit.NextAppointment}")).GetProperty("status").GetString());
        Assert.Equal(0, await app.Database.ScalarAsync(pending, ("@p", v.Patient)));
        Assert.Equal("completed", (await practitioner.GetOk($"/patients/{v.Patient}/erasure")).GetProperty("status").GetString());

        // Asking again changes nothing and answers the same retention.
        var again = await (await DataRightsVisit.Erase(practitioner, v.Patient)).Json(HttpStatusCode.OK);
        Assert.Equal(keptUntil, again.GetProperty("keptUntilUtc").GetDateTime());
        Assert.All(again.GetProperty("erased").EnumerateArray(), e => Assert.Equal(0, e.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task Erasure_of_a_patient_never_treated_leaves_nothing_identifying()
    {
        var (v, family, email) = await DataRightsVisit.NeverTreatedAsync(app);
        using var practitioner = await DataRightsVisit.SignedIn(app, "Practitioner");
        // What the booking set off in the background (the visit's reminder, Consent's copy of the appointment) has
        // landed, as it has long before anyone asks for an erasure. (A fact still in flight at the erasure: ErasureRaceTests.)
        Assert.True(await Background.SettledAsync(app), "the booking's background work should have finished before the erasure");

        var erasure = await (await DataRightsVisit.Erase(practitioner, v.Patient)).Json(HttpStatusCode.OK);

        Assert.Equal("completed", erasure.GetProperty("status").GetString());
        Assert.Empty(erasure.GetProperty("kept").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, erasure.GetProperty("keptUntilUtc").ValueKind);
        await (await practitioner.GetAsync($"/patients/{v.Patient}")).AssertProblem(HttpStatusCode.NotFound);
        await (await practitioner.GetAsync($"/appointments/{v.Appointment}")).AssertProblem(HttpStatusCode.NotFound);
        await (await practitioner.GetAsync($"/consent/signed/{v.Consent}/pdf")).AssertProblem(HttpStatusCode.NotFound);
        await (await practitioner.GetAsync($"/patients/{v.Patient}/export")).AssertProblem(HttpStatusCode.NotFound);
        var search = await (await practitioner.PostAsJsonAsync("/patients/search", new { name = family })).Json(HttpStatusCode.OK);
        Assert.DoesNotContain(family, search.GetRawText(), StringComparison.OrdinalIgnoreCase);

        // No row of any module still carries the patient's id, name or e-mail address.
        var db = app.Database;
        foreach (var (schema, table, column) in new[]
                 {
                     ("patients", "patients", "id"), ("patients", "screening_answers", "patient_id"), ("booking", "appointments", "patient_id"),
                     ("consent", "requests", "patient_id"), ("consent", "signed_consents", "patient_id"), ("consent", "upcoming_appointments", "patient_id"),
                     ("aftercare", "deliveries", "patient_id"),
                 })
        {
            Assert.Equal(0, await db.ScalarAsync($"SELECT count(*) FROM {db.Table(schema, table)} WHERE {column} = @p", ("@p", v.Patient)));
        }
        Assert.Equal(0, await db.ScalarAsync($"SELECT count(*) FROM {db.Table("patients", "patients")} WHERE email = @e OR family_name = @f", ("@e", email), ("@f", family)));
        // The erasure itself is audited.
        Assert.Equal(1, await db.ScalarAsync($"SELECT count(*) FROM {db.Table("patients", "audit_log")} WHERE entity_id = @p AND action = 'erased'", ("@p", v.Patient.ToString())));
    }

    [Fact]
    public async Task An_erasure_that_stopped_part_way_is_completed_by_asking_again_and_keeps_what_the_first_attempt_did()
    {
        var (v, _, _) = await DataRightsVisit.NeverTreatedAsync(app);
        using var practitioner = await DataRightsVisit.SignedIn(app, "Practitioner");
        // As a crash after Aftercare's part leaves it: the record in progress, with that one part done.
        var recordId = Guid.CreateVersion7();
        var done = """[{"module":"aftercare","erased":[{"what":"messages not yet sent (reminders, follow-ups, links: cancelled)","count":2}],"kept":[]}]""";
        await app.Database.ExecuteAsync(
            $"INSERT INTO {app.Database.Table("patients", "erasures")} (id, patient_id, reason, requested_by, requested_at_utc, status, parts_json) VALUES (@id, @p, 'Asked in writing', 'test', @at, 'in-progress', @parts)",
            ("@id", recordId), ("@p", v.Patient), ("@at", app.Clock.GetUtcNow().UtcDateTime), ("@parts", done));
        Assert.Equal("in-progress", (await practitioner.GetOk($"/patients/{v.Patient}/erasure")).GetProperty("status").GetString());

        var erasure = await (await DataRightsVisit.Erase(practitioner, v.Patient)).Json(HttpStatusCode.OK);

        Assert.Equal(recordId, erasure.Id());
        Assert.Equal("completed", erasure.GetProperty("status").GetString());
        var messages = Assert.Single(erasure.GetProperty("erased").EnumerateArray(), e => e.GetProperty("module").GetString() == "aftercare"
            && e.GetProperty("what").GetString()!.StartsWith("messages not yet sent", StringComparison.Ordinal));
        Assert.True(messages.GetProperty("count").GetInt32() >= 2, "the first attempt's work is still counted");
        Assert.Contains(erasure.GetProperty("erased").EnumerateArray(), e => e.GetProperty("module").GetString() == "booking");
        await (await practitioner.GetAsync($"/patients/{v.Patient}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Erasure_needs_a_reason()
    {
        using var practitioner = await DataRightsVisit.SignedIn(app, "Practitioner");
        var problem = await (await DataRightsVisit.Erase(practitioner, Guid.NewGuid(), reason: " ")).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("reason", problem.GetRawText(), StringComparison.Ordinal);
    }
}

public sealed class PatientErasureTestsOnSqlite(SqliteApp app) : PatientErasureTests(app), IClassFixture<SqliteApp>;

public sealed class PatientErasureTestsOnPostgres(PostgresApp app) : PatientErasureTests(app), IClassFixture<PostgresApp>;

public sealed class PatientErasureTestsOnSqlServer(SqlServerApp app) : PatientErasureTests(app), IClassFixture<SqlServerApp>;
