using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Audit;

/// <summary>
/// The audit trail: every read of a patient's record is in it, it holds ids and no patient data, the database itself
/// refuses to change or remove a row, and only an Admin with the auditor permission may read it, one patient at a time.
/// </summary>
public abstract class AuditTrailTests(AppFixture app)
{
    [Fact]
    public async Task An_audit_row_cannot_be_updated_or_deleted_even_with_SQL_on_the_database()
    {
        using var desk = await app.As("Receptionist");
        var patient = await desk.RegisterPatient("Rin", "Tamperproof");
        var db = app.Database;
        var table = db.Table("patients", "audit_log");
        var id = db.Provider == Provider.Sqlite ? patient.ToString().ToUpperInvariant() : (object)patient;
        var rows = await db.ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE patient_id = @p", ("@p", id));
        Assert.True(rows > 0);

        var update = await Assert.ThrowsAnyAsync<DbException>(() => db.ExecuteAsync($"UPDATE {table} SET actor = 'someone-else' WHERE patient_id = @p", ("@p", id)));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => db.ExecuteAsync($"DELETE FROM {table} WHERE patient_id = @p", ("@p", id)));
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);

        Assert.Equal(rows, await db.ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE patient_id = @p", ("@p", id)));
        Assert.Equal(0, await db.ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE actor = 'someone-else'"));
    }

    [Fact]
    public async Task Every_modules_audit_table_takes_a_new_row_and_refuses_to_change_or_remove_it()
    {
        foreach (var schema in new[] { "clinic", "patients", "protocols", "booking", "consent", "sessions", "aftercare" })
        {
            var table = app.Database.Table(schema, "audit_log");
            var row = Guid.NewGuid();
            await app.Database.ExecuteAsync(
                $"INSERT INTO {table} (id, at_utc, actor, action, entity_type, entity_id) VALUES (@id, @at, 'test', 'read', 'Probe', 'probe')",
                ("@id", row), ("@at", DateTime.UtcNow));
            await Assert.ThrowsAnyAsync<DbException>(() => app.Database.ExecuteAsync($"UPDATE {table} SET actor = 'changed' WHERE id = @id", ("@id", row)));
            await Assert.ThrowsAnyAsync<DbException>(() => app.Database.ExecuteAsync($"DELETE FROM {table} WHERE id = @id", ("@id", row)));
            Assert.Equal(1, await app.Database.ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE id = @id AND actor = 'test'", ("@id", row)));
        }
    }

    [Fact]
    public async Task On_PostgreSQL_an_audit_table_cannot_be_truncated_and_no_role_holds_update_or_delete_on_it()
    {
        Assert.SkipUnless(app.Provider == Provider.PostgreSql, "PostgreSQL roles and TRUNCATE");
        using var desk = await app.As("Receptionist");
        await desk.RegisterPatient("Kou", "Truncated");
        var truncate = await Assert.ThrowsAnyAsync<DbException>(() => app.Database.ExecuteAsync("TRUNCATE patients.audit_log"));
        Assert.Contains("append-only", truncate.Message, StringComparison.Ordinal);
        Assert.True(await app.Database.ScalarAsync("SELECT COUNT(*) FROM patients.audit_log") > 0);
        // The owner's and PUBLIC's UPDATE, DELETE and TRUNCATE are revoked (the test connects as a superuser, whom privileges
        // do not hold: the trigger above is what stops it).
        foreach (var schema in new[] { "clinic", "patients", "protocols", "booking", "consent", "sessions", "aftercare" })
        {
            Assert.Equal(0, await app.Database.ScalarAsync(
                $"SELECT COUNT(*) FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = '{schema}.audit_log'::regclass AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')"));
            Assert.Equal(1, await app.Database.ScalarAsync($"SELECT COUNT(*) FROM pg_class c WHERE c.oid = '{schema}.audit_log'::regclass AND c.relacl IS NOT NULL"));
        }
    }

    [Fact]
    public async Task Reading_a_patients_record_puts_who_when_and_what_in_the_trail()
    {
        using var desk = await app.As("Receptionist");
        var patient = await desk.RegisterPatient("Yui", "Readable");
        await desk.GetOk($"/patients/{patient}");
        await desk.GetOk($"/patients/{patient}/screening");
        await desk.GetOk($"/patients/{patient}/consents");
        using var auditor = await Auditor();

        var (trail, body) = await Trail(auditor, patient);

        var registered = Assert.Single(trail, e => e.GetProperty("action").GetString() == "created" && e.GetProperty("entityType").GetString() == "Patient");
        var reader = registered.GetProperty("actor").GetString();
        Assert.NotEqual("system", reader);
        foreach (var (what, module) in new[] { ("Patient", "patients"), ("Screening", "patients"), ("PatientConsents", "consent") })
        {
            var read = Assert.Single(trail, e => e.GetProperty("action").GetString() == "read" && e.GetProperty("entityType").GetString() == what);
            Assert.Equal(reader, read.GetProperty("actor").GetString());
            Assert.Equal(module, read.GetProperty("module").GetString());
        }
        // Oldest first, from every module merged; ids and field names only, never the patient's details.
        var times = trail.Select(e => e.GetProperty("atUtc").GetDateTime()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.DoesNotContain("Readable", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Yui", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_FHIR_export_is_one_read_in_the_trail_not_one_per_module_asked()
    {
        using var desk = await app.As("Receptionist");
        var patient = await desk.RegisterPatient("Sora", "Exported");
        using var auditor = await Auditor();
        var before = (await Trail(auditor, patient)).Entries.Count(e => e.GetProperty("action").GetString() == "read" && e.GetProperty("entityType").GetString() != "AuditTrail");

        var export = await desk.GetAsync($"/fhir/Patient/{patient}/$everything");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);

        var reads = (await Trail(auditor, patient)).Entries
            .Where(e => e.GetProperty("action").GetString() == "read" && e.GetProperty("entityType").GetString() != "AuditTrail").ToList();
        Assert.Equal(before + 1, reads.Count);
        Assert.Equal("FhirPatientEverything", reads[^1].GetProperty("entityType").GetString());
    }

    [Fact]
    public async Task An_auditor_sees_the_trail_of_one_patient_and_nothing_of_another()
    {
        using var desk = await app.As("Receptionist");
        var one = await desk.RegisterPatient("Mio", "Audited");
        var other = await desk.RegisterPatient("Kai", "Elsewhere");
        await desk.GetOk($"/patients/{one}");
        await desk.GetOk($"/patients/{other}");
        await (await desk.PutMatchingAsync($"/patients/{other}", new { givenName = "Kai", familyName = "Elsewhere", dateOfBirth = "1990-05-17", preferredLanguage = "ja" })).Json(HttpStatusCode.OK);
        using var auditor = await Auditor();

        var (trail, body) = await Trail(auditor, one);

        Assert.Contains(trail, e => e.GetProperty("entityId").GetString() == one.ToString() && e.GetProperty("action").GetString() == "read");
        Assert.DoesNotContain(other.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(trail, e => e.GetProperty("action").GetString() == "updated" && e.GetProperty("entityType").GetString() == "Patient");
        Assert.Contains(( await Trail(auditor, other)).Entries, e => e.GetProperty("action").GetString() == "updated" && e.GetProperty("entityType").GetString() == "Patient");
    }

    [Fact]
    public async Task An_Admin_without_the_auditor_permission_and_a_practitioner_are_refused()
    {
        using var desk = await app.As("Receptionist");
        var patient = await desk.RegisterPatient("Nao", "Private");
        foreach (var role in new[] { "Admin", "Practitioner", "Receptionist" })
        {
            using var client = await app.As(role);
            await (await client.GetAsync($"/audit?patient={patient}")).AssertProblem(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Taking_the_auditor_permission_away_ends_the_auditors_token_at_once()
    {
        using var desk = await app.As("Receptionist");
        var patient = await desk.RegisterPatient("Ren", "Revoked");
        using var admin = await app.As("Admin");
        var (id, username) = await Accounts.CreateAsync(admin, "Admin");
        var granted = await (await admin.PutMatchingAsync($"/staff/{id}", new { displayName = "Auditor", roles = new[] { "Admin" }, active = true, auditor = true })).Json(HttpStatusCode.OK);
        Assert.True(granted.GetProperty("auditor").GetBoolean());
        using var auditor = app.WithToken(await app.SignIn(username, AppFixture.Password));
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/audit?patient={patient}")).StatusCode);

        await (await admin.PutMatchingAsync($"/staff/{id}", new { displayName = "Auditor", roles = new[] { "Admin" }, active = true, auditor = false })).Json(HttpStatusCode.OK);

        await (await auditor.GetAsync($"/audit?patient={patient}")).AssertProblem(HttpStatusCode.Unauthorized);
        using var again = app.WithToken(await app.SignIn(username, AppFixture.Password));
        await (await again.GetAsync($"/audit?patient={patient}")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_an_Admin_account_may_be_given_the_auditor_permission_and_the_query_names_bad_input()
    {
        using var admin = await app.As("Admin");
        var (id, _) = await Accounts.CreateAsync(admin, "Receptionist");
        var refused = await (await admin.PutMatchingAsync($"/staff/{id}", new { displayName = "Desk", roles = new[] { "Receptionist" }, active = true, auditor = true }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.True(refused.GetProperty("errors").TryGetProperty("auditor", out _));

        using var auditor = await Auditor();
        var noPatient = await (await auditor.GetAsync("/audit")).AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(noPatient.GetProperty("errors").TryGetProperty("patient", out _));
        var noOffset = await (await auditor.GetAsync($"/audit?patient={Guid.NewGuid()}&from=2026-12-01T00:00:00")).AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(noOffset.GetProperty("errors").TryGetProperty("from", out _));
    }

    [Fact]
    public async Task The_trail_can_be_limited_to_a_time_range()
    {
        using var desk = await app.As("Receptionist");
        var patient = await desk.RegisterPatient("Ema", "Ranged");
        using var auditor = await Auditor();
        var all = (await Trail(auditor, patient)).Entries;
        var first = all[0].GetProperty("atUtc").GetDateTime();

        var after = await auditor.GetOk($"/audit?patient={patient}&from={Uri.EscapeDataString(first.AddMilliseconds(1).ToString("O"))}");
        Assert.DoesNotContain(after.GetProperty("entries").EnumerateArray(), e => e.GetProperty("atUtc").GetDateTime() <= first);
        var before = await auditor.GetOk($"/audit?patient={patient}&to={Uri.EscapeDataString(first.AddMilliseconds(1).ToString("O"))}");
        Assert.Contains(before.GetProperty("entries").EnumerateArray(), e => e.GetProperty("atUtc").GetDateTime() == first);
    }

    [Fact]
    public async Task A_treatment_from_booking_to_signed_session_is_in_the_patients_trail_module_by_module()
    {
        var setup = new SessionSetup(app);
        var visit = await setup.CheckedInAsync();
        using var chair = await setup.SignedIn(visit.Chair);
        var session = (await setup.SignedSessionAsync(chair, visit)).Id();
        await chair.GetOk($"/patients/{visit.Patient}/sessions");
        using var auditor = await Auditor();

        var (trail, _) = await Trail(auditor, visit.Patient);

        bool Has(string module, string action, string type) => trail.Any(e => e.GetProperty("module").GetString() == module
            && e.GetProperty("action").GetString() == action && e.GetProperty("entityType").GetString() == type);
        Assert.True(Has("booking", "created", "Appointment"));
        Assert.True(Has("consent", "created", "SignedConsent"));
        Assert.Contains(trail, e => e.GetProperty("entityType").GetString() == "TreatmentSession" && e.GetProperty("entityId").GetString() == session.ToString());
        // A session's events name no patient of their own: they take the patient of the session they belong to.
        Assert.True(Has("sessions", "created", "SessionEvent"));
        var read = Assert.Single(trail, e => e.GetProperty("action").GetString() == "read" && e.GetProperty("entityType").GetString() == "PatientSessions");
        Assert.Contains(session.ToString(), read.GetProperty("fields").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A fresh Admin account given the auditor permission, signed in.</summary>
    private async Task<HttpClient> Auditor()
    {
        using var admin = await app.As("Admin", freshToken: true);
        var (id, username) = await Accounts.CreateAsync(admin, "Admin");
        await (await admin.PutMatchingAsync($"/staff/{id}", new { displayName = "Auditor", roles = new[] { "Admin" }, active = true, auditor = true })).Json(HttpStatusCode.OK);
        return app.WithToken(await app.SignIn(username, AppFixture.Password));
    }

    private static async Task<(List<JsonElement> Entries, string Body)> Trail(HttpClient auditor, Guid patient)
    {
        var response = await auditor.GetAsync($"/audit?patient={patient}");
        var body = await response.Content.ReadAsStringAsync();
        var json = await response.Json(HttpStatusCode.OK);
        Assert.Equal(patient, json.GetProperty("patientId").GetGuid());
        return (json.GetProperty("entries").EnumerateArray().ToList(), body);
    }
}

public sealed class AuditTrailTestsOnSqlite(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTrailTestsOnPostgres(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;

public sealed class AuditTrailTestsOnSqlServer(SqlServerApp app) : AuditTrailTests(app), IClassFixture<SqlServerApp>;
