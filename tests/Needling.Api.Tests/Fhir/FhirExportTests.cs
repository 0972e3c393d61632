using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Hl7.Fhir.Serialization;
using Needling.Api.Tests.Support;
using R4 = Hl7.Fhir.Model;

namespace Needling.Api.Tests.Fhir;

/// <summary>
/// A patient's record handed to another system as FHIR R4: what the export holds is what the API shows, it parses with
/// the Firely SDK's strict deserializer, and it follows the same role rules as the rest of the patient's record.
/// </summary>
public abstract class FhirExportTests(AppFixture app)
{
    private const string Snomed = "http://snomed.info/sct";
    private const string BodyArea = "https://needling.dev/fhir/CodeSystem/body-area";
    private const string Sha256Extension = "https://needling.dev/fhir/StructureDefinition/attachment-sha256";

    [Fact]
    public async Task A_practitioner_exports_everything_and_it_matches_what_the_API_shows_for_that_patient()
    {
        var visit = await FhirVisit.CreateAsync(app);
        var other = await FhirVisit.SomeoneElseAsync(app);
        var v = visit.Visit;
        using var practitioner = await SignedIn("Practitioner");
        using var desk = await SignedIn("Receptionist");

        var (bundle, json) = await Everything(practitioner, v.Patient);

        Assert.Equal(R4.Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(bundle.Entry.Count(e => e.Search?.Mode == R4.Bundle.SearchEntryMode.Match), bundle.Total);
        var patient = Assert.Single(Of<R4.Patient>(bundle));
        Assert.Equal(v.Patient.ToString(), patient.Id);
        Assert.Equal("Emma", Assert.Single(patient.Name).Given.Single());

        // The appointment, as GET /appointments/{id} shows it.
        var shown = await desk.GetOk($"/appointments/{v.Appointment}");
        var appointment = Assert.Single(Of<R4.Appointment>(bundle));
        Assert.Equal(v.Appointment.ToString(), appointment.Id);
        Assert.Equal(R4.Appointment.AppointmentStatus.Fulfilled, appointment.Status);
        Assert.Equal(shown.GetProperty("startUtc").GetDateTime(), appointment.Start!.Value.UtcDateTime);
        Assert.Equal(shown.GetProperty("endUtc").GetDateTime(), appointment.End!.Value.UtcDateTime);
        Assert.Contains(appointment.Participant, p => p.Actor?.Reference == $"Practitioner/{v.Chair.PractitionerId}");
        Assert.Contains(appointment.Participant, p => p.Actor?.Reference == $"Patient/{v.Patient}");

        // The signed consent: the PDF the API serves, hashed as R4 defines (SHA-1) and as the service stored it (SHA-256).
        var (pdf, sha256Header) = await Pdf(desk, $"/consent/signed/{v.Consent}/pdf");
        var consent = Assert.Single(Of<R4.Consent>(bundle));
        Assert.Equal(v.Consent.ToString(), consent.Id);
        Assert.Equal(R4.Consent.ConsentState.Active, consent.Status);
        var source = Assert.IsType<R4.Attachment>(consent.Source);
        AssertServedPdf(source, $"/consent/signed/{v.Consent}/pdf", pdf);
        Assert.Equal(sha256Header, Sha256Of(source));

        // The signed session, as GET /sessions/{id} shows it: body sites, device, performer.
        var session = await FhirVisit.SessionAsync(practitioner, visit.Session);
        var procedure = Assert.Single(Of<R4.Procedure>(bundle));
        Assert.Equal(visit.Session.ToString(), procedure.Id);
        Assert.Equal(R4.EventStatus.Completed, procedure.Status);
        Assert.Equal($"Practitioner/{v.Chair.PractitionerId}", Assert.Single(procedure.Performer).Actor.Reference);
        var started = session.GetProperty("startedAtUtc").GetDateTime();
        Assert.InRange((Assert.IsType<R4.FhirDateTime>(procedure.Performed).ToDateTimeOffset(TimeSpan.Zero).UtcDateTime - started).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        var areas = session.GetProperty("record").GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("area").GetString()).ToList();
        Assert.Equal(areas, procedure.BodySite.Select(b => b.Coding.Single(c => c.System == BodyArea).Code).ToList());
        Assert.Equal(["60819002", "52795006"], procedure.BodySite.Select(b => b.Coding.Single(c => c.System == Snomed).Code).ToList()); // cheeks, forehead
        var device = session.GetProperty("record").GetProperty("device");
        var used = Assert.Single(procedure.UsedReference);
        Assert.Equal(device.GetProperty("serial").GetString(), used.Identifier?.Value);
        Assert.Equal(device.GetProperty("name").GetString(), used.Display);
        Assert.Contains(procedure.Complication, c => c.Coding.Any(x => x.Code == "bruising"));

        // Findings: the warning the booking was made with, and the same rule overridden at the start with its reason.
        var issues = Of<R4.DetectedIssue>(bundle).ToList();
        var warning = Assert.Single(shown.GetProperty("warnings").EnumerateArray());
        var atBooking = Assert.Single(issues, i => i.Implicated.Any(r => r.Reference == $"Appointment/{v.Appointment}"));
        Assert.Equal(warning.GetProperty("ruleId").GetString(), atBooking.Code?.Coding.Single().Code);
        Assert.Equal(warning.GetProperty("message").GetString(), atBooking.Detail);
        var overridden = Assert.Single(session.GetProperty("overrides").EnumerateArray());
        var atStart = Assert.Single(issues, i => i.Implicated.Any(r => r.Reference == $"Procedure/{visit.Session}"));
        Assert.Equal(overridden.GetProperty("id").GetGuid().ToString(), atStart.Id);
        Assert.Equal("ci.keloid-history", atStart.Code?.Coding.Single().Code);
        Assert.Equal(visit.OverrideReason, Assert.Single(atStart.Mitigation).Action.Text);
        Assert.Equal($"Practitioner/{v.Chair.PractitionerId}", atStart.Mitigation[0].Author?.Reference);

        // Documents: the signed consent and the aftercare sheet, each under the address the API serves it at.
        var documents = Of<R4.DocumentReference>(bundle).ToList();
        Assert.Equal(2, documents.Count);
        AssertServedPdf(Assert.Single(documents, d => d.Id == v.Consent.ToString()).Content.Single().Attachment, $"/consent/signed/{v.Consent}/pdf", pdf);
        var (sheet, _) = await Pdf(desk, $"/sessions/{visit.Session}/aftercare/pdf");
        var sheetDoc = Assert.Single(documents, d => d.Id != v.Consent.ToString());
        AssertServedPdf(sheetDoc.Content.Single().Attachment, $"/sessions/{visit.Session}/aftercare/pdf", sheet);
        Assert.Equal((await desk.GetOk($"/sessions/{visit.Session}/aftercare")).GetProperty("pdfSha256").GetString(),
            Sha256Of(sheetDoc.Content.Single().Attachment));
        Assert.Contains(sheetDoc.Context?.Related ?? [], r => r.Reference == $"Procedure/{visit.Session}");

        // References resolve inside the bundle, and the other patient's record is nowhere in it.
        var included = Assert.Single(bundle.Entry, e => e.Resource is R4.Practitioner);
        Assert.Equal((v.Chair.PractitionerId.ToString(), R4.Bundle.SearchEntryMode.Include), (included.Resource?.Id, included.Search?.Mode));
        foreach (var id in new[] { other.Patient, other.Appointment, other.Consent })
        {
            Assert.DoesNotContain(id.ToString(), json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_receptionist_gets_the_record_without_the_clinical_notes_and_may_not_search_sessions()
    {
        var visit = await FhirVisit.CreateAsync(app);
        using var desk = await SignedIn("Receptionist");

        var (bundle, _) = await Everything(desk, visit.Visit.Patient);

        Assert.Single(Of<R4.Appointment>(bundle));
        Assert.Single(Of<R4.Consent>(bundle));
        Assert.Equal(2, Of<R4.DocumentReference>(bundle).Count());
        Assert.Empty(Of<R4.Procedure>(bundle));
        var issue = Assert.Single(Of<R4.DetectedIssue>(bundle)); // the booking's warning, which the desk saw when booking
        Assert.Equal($"Appointment/{visit.Visit.Appointment}", Assert.Single(issue.Implicated).Reference);
        await (await desk.GetAsync($"/fhir/Procedure?patient={visit.Visit.Patient}")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_search_by_patient_returns_that_patients_resources_of_one_kind()
    {
        var visit = await FhirVisit.CreateAsync(app);
        using var practitioner = await SignedIn("Practitioner");

        var appointments = await Parse<R4.Bundle>(await practitioner.GetAsync($"/fhir/Appointment?patient=Patient/{visit.Visit.Patient}"));
        var procedures = await Parse<R4.Bundle>(await practitioner.GetAsync($"/fhir/Procedure?patient={visit.Visit.Patient}"));
        var patient = await Parse<R4.Patient>(await practitioner.GetAsync($"/fhir/Patient/{visit.Visit.Patient}"));

        Assert.Equal(visit.Visit.Appointment.ToString(), Assert.Single(appointments.Entry).Resource?.Id);
        Assert.Equal(visit.Session.ToString(), Assert.Single(procedures.Entry).Resource?.Id);
        Assert.Equal(visit.Visit.Patient.ToString(), patient.Id);
        var problem = await (await practitioner.GetAsync("/fhir/Consent")).AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("patient", out _));
    }

    [Fact]
    public async Task An_admin_may_not_read_a_patients_record_as_FHIR()
    {
        Guid patient;
        using (var desk = await SignedIn("Receptionist"))
        {
            patient = await desk.RegisterPatient("Admin", BookingSetup.Unique("Refused"), screened: false);
        }
        using var admin = await SignedIn("Admin");

        foreach (var path in new[] { $"/fhir/Patient/{patient}", $"/fhir/Patient/{patient}/$everything", $"/fhir/Appointment?patient={patient}", $"/fhir/DocumentReference?patient={patient}" })
        {
            await (await admin.GetAsync(path)).AssertProblem(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task An_unknown_patient_is_a_404_problem()
    {
        using var practitioner = await SignedIn("Practitioner");
        var unknown = Guid.NewGuid();

        foreach (var path in new[] { $"/fhir/Patient/{unknown}", $"/fhir/Patient/{unknown}/$everything", $"/fhir/Consent?patient={unknown}" })
        {
            Assert.Contains(unknown.ToString(), (await (await practitioner.GetAsync(path)).AssertProblem(HttpStatusCode.NotFound)).Detail(), StringComparison.Ordinal);
        }
    }

    /// <summary>A client of the role with a token from now: the tests move the clock a week on, past earlier tokens (the Admin's included, which makes accounts).</summary>
    private async Task<HttpClient> SignedIn(string role)
    {
        (await app.As("Admin", freshToken: true)).Dispose();
        return await app.As(role, freshToken: true);
    }

    private static string? Sha256Of(R4.Attachment attachment) =>
        Assert.IsType<R4.FhirString>(Assert.Single(attachment.Extension, e => e.Url == Sha256Extension).Value).Value;

    private static IEnumerable<T> Of<T>(R4.Bundle bundle) where T : R4.Resource => bundle.Entry.Select(e => e.Resource).OfType<T>();

    private static async Task<(R4.Bundle Bundle, string Json)> Everything(HttpClient client, Guid patient)
    {
        var response = await client.GetAsync($"/fhir/Patient/{patient}/$everything");
        var json = await response.Content.ReadAsStringAsync();
        return (await Parse<R4.Bundle>(response, json), json);
    }

    /// <summary>Parses with the SDK's strict deserializer: an unknown element, a wrong code or a missing required element fails.</summary>
    private static async Task<T> Parse<T>(HttpResponseMessage response, string? body = null) where T : R4.Resource
    {
        body ??= await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return Assert.IsType<T>(FhirJsonDeserializer.STRICT.DeserializeResource(body));
    }

    private static async Task<(byte[] Bytes, string Sha256)> Pdf(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var header = response.Headers.TryGetValues("X-Content-SHA256", out var values) ? values.Single() : Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), header);
        return (bytes, header);
    }

    private static void AssertServedPdf(R4.Attachment attachment, string path, byte[] served)
    {
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal(path, new Uri(attachment.Url ?? "").AbsolutePath);
        Assert.Equal(SHA1.HashData(served), attachment.Hash);
        Assert.Equal(served.Length, attachment.SizeUnsignedInt);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(served)), Sha256Of(attachment));
    }
}

public sealed class FhirExportTestsOnSqlite(SqliteApp app) : FhirExportTests(app), IClassFixture<SqliteApp>;

public sealed class FhirExportTestsOnPostgres(PostgresApp app) : FhirExportTests(app), IClassFixture<PostgresApp>;
