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
        Assert.True(await app.Database.ScalarAsync(pending, ("@p", v.Patient)) > 0, "the follow-up messages should be waiting before the erasure");
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
        // Nothing more will be sent to the patient, and the stored record says what was done.
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
    public async Task Erasure_needs_a_reason()
    {
        using var practitioner = await DataRightsVisit.SignedIn(app, "Practitioner");
        var problem = await (await DataRightsVisit.Erase(practitioner, Guid.NewGuid(), reason: " ")).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("reason", problem.GetRawText(), StringComparison.Ordinal);
    }
}

public sealed class PatientErasureTestsOnSqlite(SqliteApp app) : PatientErasureTests(app), IClassFixture<SqliteApp>;

public sealed class PatientErasureTestsOnPostgres(PostgresApp app) : PatientErasureTests(app), IClassFixture<PostgresApp>;
