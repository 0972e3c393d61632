using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Consent;

/// <summary>Consent forms, signing and validity, read back from the stored PDFs with poppler-utils.</summary>
public abstract class ConsentTests(AppFixture app)
{
    private async Task<(HttpClient Desk, Guid Patient, Guid Request)> OpenRequest(string language, string given, string family, string treatment = "MN-PEN")
    {
        var desk = await app.As("Receptionist");
        var patient = await desk.RegisterPatient(given, family, language: language);
        var request = (await desk.PostOk("/consent/requests", new { patientId = patient, treatmentCode = treatment })).Id();
        return (desk, patient, request);
    }

    private static async Task<(System.Text.Json.JsonElement Signed, byte[] Pdf, HttpResponseMessage Response)> SignOnTablet(HttpClient desk, Guid request, string fullName)
    {
        var signed = await desk.PostOk($"/consent/requests/{request}/sign", new { fullName, signaturePng = PdfTools.SignaturePng() });
        var response = await desk.GetAsync($"/consent/signed/{signed.Id()}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return (signed, await response.Content.ReadAsByteArrayAsync(), response);
    }

    [Theory]
    [InlineData("en", "Olivia", "Hartley", "Olivia Hartley", "Risks", "v2")]
    [InlineData("ja", "美咲", "田中", "田中 美咲", "リスク", "v2")]
    [InlineData("th", "สมหญิง", "ใจดี", "สมหญิง ใจดี", "ความ", "v2")]
    public async Task The_signed_PDF_names_the_patient_treatment_risks_version_and_time_and_embeds_every_font(
        string language, string given, string family, string typedName, string risksWord, string version)
    {
        var (desk, _, request) = await OpenRequest(language, given, family);
        var (signed, pdf, response) = await SignOnTablet(desk, request, typedName);

        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        Assert.Equal(signed.GetProperty("pdfSha256").GetString(), sha);
        Assert.Equal(sha, response.Headers.GetValues("X-Content-SHA256").Single());

        var text = await PdfTools.Text(pdf);
        Assert.Contains(given, text);
        Assert.Contains(family, text);
        Assert.Contains("MN-PEN", text);
        Assert.Contains(risksWord, text);
        Assert.Contains(version, text);
        var signedAt = signed.GetProperty("signedAtUtc").GetDateTime(); // the test clinic runs on UTC
        Assert.Contains(signedAt.ToString("yyyy-MM-dd HH:mm"), text);

        var fonts = await PdfTools.Fonts(pdf);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, row => Assert.Contains(" yes ", row[row.IndexOf(' ', 40)..])); // emb column
    }

    [Fact]
    public async Task The_stored_PDF_is_served_byte_identical_every_time_even_after_a_new_form_version()
    {
        var (desk, _, request) = await OpenRequest("en", "Byte", "Identical", "MN-ROLLER");
        var (signed, first, _) = await SignOnTablet(desk, request, "Byte Identical");
        using var admin = await app.As("Admin");
        await PublishVersion(admin, "MN-ROLLER", requiresReconsent: false);
        var again = await desk.GetByteArrayAsync($"/consent/signed/{signed.Id()}/pdf");
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task A_patient_signs_through_the_link_and_the_link_cannot_be_used_again()
    {
        var (desk, patient, request) = await OpenRequest("en", "Link", "Signer");
        var link = (await desk.PostOk($"/consent/requests/{request}/link", new { }, HttpStatusCode.OK)).GetProperty("url").GetString()!;
        Assert.DoesNotContain(patient.ToString(), link);
        Assert.DoesNotContain(request.ToString(), link);
        Assert.DoesNotContain("Signer", link);

        using var phone = app.Anonymous();
        var page = await phone.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<canvas", html);
        Assert.Contains("no-store", page.Headers.CacheControl!.ToString());

        var signed = await (await phone.PostAsJsonAsync(link, new { fullName = "Link Signer", signaturePng = PdfTools.SignaturePng() })).Json(HttpStatusCode.OK);
        Assert.Equal(64, signed.GetProperty("pdfSha256").GetString()!.Length);
        await (await phone.PostAsJsonAsync(link, new { fullName = "Link Signer", signaturePng = PdfTools.SignaturePng() })).AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(link)).StatusCode);
        var copy = await phone.GetAsync(link + "/pdf");
        Assert.Equal("application/pdf", copy.Content.Headers.ContentType?.MediaType);

        var status = await desk.GetOk($"/patients/{patient}/consents/status/MN-PEN");
        Assert.True(status.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task An_altered_link_is_refused()
    {
        var (desk, _, request) = await OpenRequest("en", "Altered", "Link");
        var link = (await desk.PostOk($"/consent/requests/{request}/link", new { }, HttpStatusCode.OK)).GetProperty("url").GetString()!;
        var altered = link[..^3] + (link[^3] == 'A' ? 'B' : 'A') + link[^2..];
        using var phone = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(altered)).StatusCode);
        await (await phone.PostAsJsonAsync(altered, new { fullName = "X", signaturePng = PdfTools.SignaturePng() })).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync("/consent/sign/not-a-token")).StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_consent_is_reported_invalid()
    {
        var (desk, patient, request) = await OpenRequest("en", "With", "Drawn");
        var (signed, _, _) = await SignOnTablet(desk, request, "With Drawn");
        Assert.Equal(HttpStatusCode.NoContent, (await desk.PostAsJsonAsync($"/consent/signed/{signed.Id()}/withdraw", new { reason = "Patient changed her mind" })).StatusCode);
        var status = await desk.GetOk($"/patients/{patient}/consents/status/MN-PEN");
        Assert.False(status.GetProperty("valid").GetBoolean());
        Assert.Equal("withdrawn", status.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_new_version_that_requires_reconsent_makes_earlier_consents_invalid()
    {
        var (desk, patient, request) = await OpenRequest("en", "Super", "Seded", "DRY-NEEDLING");
        await SignOnTablet(desk, request, "Super Seded");
        Assert.Equal("valid", (await desk.GetOk($"/patients/{patient}/consents/status/DRY-NEEDLING")).GetProperty("state").GetString());
        using var admin = await app.As("Admin");
        await PublishVersion(admin, "DRY-NEEDLING", requiresReconsent: true);
        var status = await desk.GetOk($"/patients/{patient}/consents/status/DRY-NEEDLING");
        Assert.Equal("superseded", status.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Booking_an_appointment_opens_a_consent_request_for_its_treatment()
    {
        var r = await BookingSetup.Create(app, "NeedsConsent");
        using var desk = await app.As("Receptionist");
        var appointment = (await (await desk.Book(BookingSetup.Booking(r, BookingSetup.NextWeekday(10, weeksAhead: 5)))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        for (var i = 0; i < 100; i++)
        {
            var consents = await desk.GetOk($"/patients/{r.Patient}/consents");
            var requests = consents.GetProperty("requests").EnumerateArray().ToList();
            if (requests.Count > 0)
            {
                Assert.Single(requests);
                Assert.Equal("MN-PEN", requests[0].GetProperty("treatmentCode").GetString());
                Assert.Equal(appointment, requests[0].GetProperty("appointmentId").GetGuid());
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("No consent request was opened within 10 seconds of the booking.");
    }

    private static async Task PublishVersion(HttpClient admin, string treatment, bool requiresReconsent)
    {
        var text = new
        {
            treatmentCode = treatment, language = "en", title = $"Consent to {treatment} (revised)",
            sections = new[] { new { heading = "Risks", paragraphs = new[] { "Revised wording." }, bullets = new[] { "Bruising" } } },
            acknowledgements = new[] { "I have read this form." },
        };
        await admin.PostOk($"/consent/templates/{treatment}/versions", new { texts = new[] { text }, requiresReconsent, note = "Revised risks wording." });
    }
}

public sealed class ConsentTestsOnSqlite(SqliteApp app) : ConsentTests(app), IClassFixture<SqliteApp>;

public sealed class ConsentTestsOnPostgres(PostgresApp app) : ConsentTests(app), IClassFixture<PostgresApp>;

public sealed class ConsentTestsOnSqlServer(SqlServerApp app) : ConsentTests(app), IClassFixture<SqlServerApp>;
