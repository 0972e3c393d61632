using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Needling.Api.Tests.Fhir;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.DataRights;

/// <summary>
/// The patient's right of access: one archive with everything held about them, checked against what the API itself
/// shows, with a manifest whose hashes match, and nothing of any other patient.
/// </summary>
public abstract class PatientExportTests(AppFixture app)
{
    [Fact]
    public async Task An_export_holds_every_record_and_document_of_the_patient_and_nothing_of_another()
    {
        var visit = await FhirVisit.CreateAsync(app);
        var other = await FhirVisit.SomeoneElseAsync(app);
        var v = visit.Visit;
        using var practitioner = await DataRightsVisit.SignedIn(app, "Practitioner");
        var otherName = (await practitioner.GetOk($"/patients/{other.Patient}")).GetProperty("familyName").GetString()!;

        using var response = await practitioner.GetAsync($"/patients/{v.Patient}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var archive = await response.Content.ReadAsByteArrayAsync();
        var files = Unzip(archive);

        // The manifest lists every other file with its SHA-256, and the hashes match.
        using var manifest = JsonDocument.Parse(files["manifest.json"]);
        Assert.Equal(v.Patient, manifest.RootElement.GetProperty("patientId").GetGuid());
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("sha256").GetString()!);
        Assert.Equal(files.Keys.Where(k => k != "manifest.json").Order(), listed.Keys.Order());
        foreach (var (path, sha) in listed)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(files[path])), sha);
        }

        // Demographics and screening, as GET /patients/{id} shows them.
        var patients = Json(files, "patients");
        var shownPatient = await practitioner.GetOk($"/patients/{v.Patient}");
        Assert.Equal(shownPatient.GetProperty("familyName").GetString(), patients.GetProperty("patient").GetProperty("familyName").GetString());
        Assert.Equal(shownPatient.GetProperty("phone").GetString(), patients.GetProperty("patient").GetProperty("phone").GetString());
        Assert.Contains(patients.GetProperty("screening").GetProperty("entries").EnumerateArray(), e => e.GetProperty("code").GetString() == "keloid-history");
        Assert.NotEmpty(patients.GetProperty("screening").GetProperty("answers").EnumerateArray());
        Assert.NotEmpty(patients.GetProperty("screening").GetProperty("confirmations").EnumerateArray());

        // The appointment as GET /appointments/{id} shows it, with its history and an audit row of its booking.
        var booking = Json(files, "booking");
        var shownAppointment = await practitioner.GetOk($"/appointments/{v.Appointment}");
        var appointment = Assert.Single(booking.GetProperty("appointments").EnumerateArray());
        Assert.Equal(v.Appointment, appointment.GetProperty("id").GetGuid());
        Assert.Equal(shownAppointment.GetProperty("startUtc").GetDateTime(), appointment.GetProperty("startUtc").GetDateTime());
        Assert.Equal("fulfilled", appointment.GetProperty("status").GetString());
        Assert.NotEmpty(booking.GetProperty("history").EnumerateArray());
        Assert.Contains(booking.GetProperty("audit").EnumerateArray(), a => a.GetProperty("entityId").GetString() == v.Appointment.ToString() && a.GetProperty("action").GetString() == "created");

        // The signed consent: its PDF byte for byte as the API serves it.
        var consent = Json(files, "consent");
        var signed = Assert.Single(consent.GetProperty("signedConsents").EnumerateArray());
        Assert.Equal(v.Consent, signed.GetProperty("id").GetGuid());
        Assert.Equal(await Bytes(practitioner, $"/consent/signed/{v.Consent}/pdf"), files[signed.GetProperty("pdfFile").GetString()!]);
        Assert.True(files.ContainsKey(signed.GetProperty("signatureFile").GetString()!));

        // The signed session as GET /sessions/{id} shows it, with the override and its written reason.
        var sessions = Json(files, "sessions");
        var shownSession = await practitioner.GetOk($"/sessions/{visit.Session}");
        var session = Assert.Single(sessions.GetProperty("sessions").EnumerateArray());
        Assert.Equal(visit.Session, session.GetProperty("id").GetGuid());
        Assert.Equal(shownSession.GetProperty("signedAtUtc").GetDateTime(), session.GetProperty("signedAtUtc").GetDateTime());
        Assert.Equal("CT-2291", session.GetProperty("record").GetProperty("sterileItem").GetProperty("lot").GetString());
        Assert.Contains(sessions.GetProperty("overrides").EnumerateArray(), o => o.GetProperty("reason").GetString() == FhirVisit.Reason);

        // The aftercare sheet: its PDF byte for byte, and the follow-ups planned.
        var aftercare = Json(files, "aftercare");
        var sheet = Assert.Single(aftercare.GetProperty("sheets").EnumerateArray());
        Assert.Equal(visit.Session, sheet.GetProperty("sessionId").GetGuid());
        Assert.Equal(await Bytes(practitioner, $"/sessions/{visit.Session}/aftercare/pdf"), files[sheet.GetProperty("pdfFile").GetString()!]);
        Assert.NotEmpty(aftercare.GetProperty("followUps").EnumerateArray());

        // Nothing of the other patient: not their name, nor any of their ids, anywhere in the archive (raw or unpacked).
        var text = Encoding.UTF8.GetString(archive) + string.Concat(files.Values.Select(Encoding.UTF8.GetString));
        foreach (var needle in new[] { otherName, other.Patient.ToString(), other.Appointment.ToString(), other.Consent.ToString() })
        {
            Assert.DoesNotContain(needle, text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(v.Patient.ToString(), text, StringComparison.Ordinal);

        // The export itself is in the audit trail.
        Assert.Equal(1, await app.Database.ScalarAsync(
            $"SELECT count(*) FROM {app.Database.Table("patients", "audit_log")} WHERE entity_id = @p AND action = 'exported'", ("@p", v.Patient.ToString())));
    }

    [Fact]
    public async Task An_export_of_an_unknown_patient_is_a_problem_not_an_empty_archive()
    {
        using var practitioner = await DataRightsVisit.SignedIn(app, "Practitioner");
        await (await practitioner.GetAsync($"/patients/{Guid.NewGuid()}/export")).AssertProblem(HttpStatusCode.NotFound);
    }

    internal static Dictionary<string, byte[]> Unzip(byte[] archive)
    {
        using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            return copy.ToArray();
        });
    }

    private static JsonElement Json(Dictionary<string, byte[]> files, string module) => JsonDocument.Parse(files[$"data/{module}.json"]).RootElement;

    private static async Task<byte[]> Bytes(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}

public sealed class PatientExportTestsOnSqlite(SqliteApp app) : PatientExportTests(app), IClassFixture<SqliteApp>;

public sealed class PatientExportTestsOnPostgres(PostgresApp app) : PatientExportTests(app), IClassFixture<PostgresApp>;

public sealed class PatientExportTestsOnSqlServer(SqlServerApp app) : PatientExportTests(app), IClassFixture<SqlServerApp>;
