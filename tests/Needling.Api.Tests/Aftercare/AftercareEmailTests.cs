using System.Net;
using System.Net.Http.Json;
using MimeKit;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Aftercare;

/// <summary>
/// The patient goes home with the sheet: signing a session e-mails it, through a real SMTP server on loopback, as a
/// PDF written for that session, once; the same sheet is served by a download link that reveals nothing.
/// </summary>
public abstract class AftercareEmailTests(MailAppFixture app)
{
    private readonly SessionSetup _setup = new(app);

    private async Task<(SessionSetup.Visit Visit, Guid Session, string Email, System.Text.Json.JsonElement Signed)> SignedAsync(string? adverse, string language = "en")
    {
        Guid patient;
        var email = $"{BookingSetup.Unique("patient")}@example.test".ToLowerInvariant();
        using (var desk = await app.As("Receptionist", freshToken: true))
        {
            patient = (await desk.PostOk("/patients", new
            {
                givenName = "Aoife", familyName = BookingSetup.Unique("Byrne"), dateOfBirth = "1991-02-03", phone = "+44 20 7946 0111",
                preferredLanguage = language, email,
            })).GetProperty("patient").Id();
            await desk.AnswerScreeningAllNo(patient);
        }
        var v = await _setup.CheckedInAsync(patient: patient);
        using var chair = await _setup.SignedIn(v.Chair);
        var signed = await _setup.SignedSessionAsync(chair, v, adverse);
        return (v, signed.Id(), email, signed);
    }

    private static readonly string SheetSubject = Needling.Aftercare.Texts.AftercareText.For("en").Email.Subject.Split('{')[0];

    private static bool IsSheetTo(MimeMessage m, string email) =>
        m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? "").StartsWith(SheetSubject, StringComparison.Ordinal);

    /// <summary>The aftercare sheet's e-mail to the address (a reminder of the visit went there before it).</summary>
    private async Task<MimeMessage> MailTo(string email)
    {
        try
        {
            return await app.Smtp.WaitForAsync(m => IsSheetTo(m, email));
        }
        catch (TimeoutException)
        {
            // Say why: the outbox's and the sender's warnings name the failing step (types only, no patient data).
            Assert.Fail("No e-mail arrived. Warnings: " + string.Join("\n", app.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal))));
            throw;
        }
    }

    private static string PdfOf(MimeMessage m, out byte[] bytes)
    {
        var attachment = Assert.Single(m.Attachments.OfType<MimePart>(), a => a.ContentType.MimeType == "application/pdf");
        using var stream = new MemoryStream();
        attachment.Content!.DecodeTo(stream);
        bytes = stream.ToArray();
        return attachment.FileName ?? "";
    }

    [Fact]
    public async Task The_sheet_arrives_by_email_with_bruising_care_the_prescribed_topical_and_the_next_session_date()
    {
        using (var admin = await app.As("Admin", freshToken: true))
        {
            // The number patients call is printed on the sheet; a later update that leaves it out keeps it.
            var clinic = await admin.GetOk("/clinic");
            var hours = System.Text.Json.JsonSerializer.Deserialize<object>(clinic.GetProperty("openingHours").GetRawText());
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PutMatchingAsync("/clinic", new { name = "Harbour Skin Clinic", timeZoneId = "UTC", openingHours = hours, phone = "+44 20 7946 0555" })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PutMatchingAsync("/clinic", new { name = "Harbour Skin Clinic", timeZoneId = "UTC", openingHours = hours })).StatusCode);
            Assert.Equal("+44 20 7946 0555", (await admin.GetOk("/clinic")).GetProperty("phone").GetString());
        }
        var (_, session, email, signed) = await SignedAsync(adverse: "bruising");

        var message = await MailTo(email);

        Assert.EndsWith(".pdf", PdfOf(message, out var pdf));
        var text = Flat(await PdfTools.Text(pdf));
        Assert.Contains(Flat(Needling.Aftercare.Texts.AftercareText.For("en").Bruising.Heading), text);
        Assert.Contains(Flat("Hyaluronic acid serum 1%: twice a day, for 5 days"), text);
        Assert.Contains(Flat("+44 20 7946 0555"), text);
        using var chair = await app.As("Receptionist", freshToken: true);
        var next = signed.GetProperty("nextEligibleOn").GetString()!;
        Assert.Contains(Flat(DateOnly.Parse(next, System.Globalization.CultureInfo.InvariantCulture).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))), text);
        Assert.DoesNotContain("Aoife", (message.TextBody ?? "").Replace("Dear Aoife", "", StringComparison.Ordinal).Replace("Hello Aoife", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var info = await chair.GetOk($"/sessions/{session}/aftercare");
        var delivery = Assert.Single(info.GetProperty("deliveries").EnumerateArray());
        Assert.Equal("sent", delivery.GetProperty("status").GetString());
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Without_bruising_the_sheet_has_no_bruising_section_and_is_sent_exactly_once()
    {
        var (_, session, email, _) = await SignedAsync(adverse: null);

        var message = await MailTo(email);
        PdfOf(message, out var pdf);
        Assert.DoesNotContain(Flat(Needling.Aftercare.Texts.AftercareText.For("en").Bruising.Heading), Flat(await PdfTools.Text(pdf)));

        await Task.Delay(TimeSpan.FromSeconds(6)); // past the sender's next poll
        Assert.Single(app.Smtp.Messages(), m => IsSheetTo(m, email));
    }

    [Fact]
    public async Task The_download_link_serves_the_same_sheet_and_reveals_nothing_about_the_patient()
    {
        var (v, session, email, _) = await SignedAsync(adverse: null);
        var message = await MailTo(email);
        PdfOf(message, out var attached);
        using var desk = await app.As("Receptionist", freshToken: true);
        var link = (await desk.PostOk($"/sessions/{session}/aftercare/link", new { }, HttpStatusCode.OK)).GetProperty("url").GetString()!;
        Assert.StartsWith("https://clinic.example/aftercare/", link);
        Assert.DoesNotContain(session.ToString(), link);
        Assert.DoesNotContain(v.Patient.ToString(), link);

        using var phone = app.Anonymous();
        var path = new Uri(link).AbsolutePath;
        var page = await phone.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/pdf", await page.Content.ReadAsStringAsync());
        Assert.Equal(attached, await phone.GetByteArrayAsync(path + "/pdf"));
        var altered = path[..^3] + (path[^3] == 'A' ? "B" : "A") + path[^2..];
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(altered + "/pdf")).StatusCode);
    }

    [Fact]
    public async Task The_clinic_checks_in_on_day_2_and_a_reply_that_something_is_wrong_reaches_the_treating_practitioner()
    {
        var (v, session, email, _) = await SignedAsync(adverse: null);
        await MailTo(email); // the sheet
        var subject = Needling.Aftercare.Texts.AftercareText.For("en").FollowUp.Subject.Split('{')[0];
        Assert.DoesNotContain(app.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? "").StartsWith(subject, StringComparison.Ordinal));

        app.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(2)); // day 2, past the clinic's sending time
        var checkIn = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? "").StartsWith(subject, StringComparison.Ordinal));
        var link = checkIn.TextBody!.Split(' ', '\n', '\r').Single(w => w.StartsWith("https://clinic.example/aftercare/follow-up/", StringComparison.Ordinal));
        var path = new Uri(link).AbsolutePath;

        using var phone = app.Anonymous();
        Assert.Contains("name=\"answer\"", await phone.GetStringAsync(path));
        using var form = new MultipartFormDataContent { { new StringContent("wrong"), "answer" }, { new StringContent("A bruise on the forehead that keeps growing"), "text" } };
        Assert.Equal(HttpStatusCode.OK, (await phone.PostAsync(path, form)).StatusCode);

        using var chair = await _setup.SignedIn(v.Chair);
        var report = Assert.Single((await chair.GetOk("/complications")).EnumerateArray(), r => r.GetProperty("sessionId").GetGuid() == session);
        Assert.Equal(2, report.GetProperty("day").GetInt32());
        Assert.Equal("A bruise on the forehead that keeps growing", report.GetProperty("text").GetString());
        Assert.Single(app.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? "").StartsWith(subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reminder_goes_a_day_before_the_appointment_and_none_for_a_cancelled_one()
    {
        var email = $"{BookingSetup.Unique("remind")}@example.test".ToLowerInvariant();
        var chair = await _setup.PractitionerAsync();
        Guid patient, sibling; // two patients of one family, one e-mail address
        using (var desk = await app.As("Receptionist", freshToken: true))
        {
            patient = (await desk.PostOk("/patients", new { givenName = "Remy", familyName = BookingSetup.Unique("Minder"), dateOfBirth = "1980-01-01", phone = "+44 20 7946 0222", preferredLanguage = "en", email })).GetProperty("patient").Id();
            await desk.AnswerScreeningAllNo(patient);
            sibling = (await desk.PostOk("/patients", new { givenName = "Rosa", familyName = BookingSetup.Unique("Minder"), dateOfBirth = "1982-01-01", phone = "+44 20 7946 0222", preferredLanguage = "en", email })).GetProperty("patient").Id();
            await desk.AnswerScreeningAllNo(sibling);
        }
        var subject = Needling.Aftercare.Texts.AftercareText.For("en").Reminder.Subject.Split('{')[0];
        var kept = await _setup.CheckedInAsync(chair, patient, checkIn: false, consent: false, hoursBefore: 30);
        await Task.Delay(TimeSpan.FromSeconds(6)); // past the sender's next poll: 30 hours before, no reminder is due
        Assert.DoesNotContain(app.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? "").StartsWith(subject, StringComparison.Ordinal));

        app.Clock.Advance(TimeSpan.FromHours(7)); // 23 hours before
        var reminder = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? "").StartsWith(subject, StringComparison.Ordinal));
        Assert.Contains(kept.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), reminder.TextBody);

        var cancelled = await _setup.CheckedInAsync(chair, sibling, checkIn: false, consent: false, daysAhead: 2, hoursBefore: 30);
        using (var desk = await app.As("Receptionist", freshToken: true))
        {
            await desk.PostOk($"/appointments/{cancelled.Appointment}/cancel", new { reason = "Patient is travelling" }, HttpStatusCode.OK);
        }
        app.Clock.Advance(TimeSpan.FromHours(7));
        await Task.Delay(TimeSpan.FromSeconds(8));
        Assert.Single(app.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? "").StartsWith(subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_booking_that_needs_a_consent_emails_the_patient_a_signing_link_that_opens_the_form()
    {
        var email = $"{BookingSetup.Unique("consent")}@example.test".ToLowerInvariant();
        Guid patient;
        using (var desk = await app.As("Receptionist", freshToken: true))
        {
            patient = (await desk.PostOk("/patients", new { givenName = "Ines", familyName = BookingSetup.Unique("Ferreira"), dateOfBirth = "1993-03-03", phone = "+44 20 7946 0666", preferredLanguage = "en", email })).GetProperty("patient").Id();
            await desk.AnswerScreeningAllNo(patient);
        }
        await _setup.CheckedInAsync(patient: patient, consent: false, checkIn: false, hoursBefore: 48);
        var subject = Needling.Aftercare.Texts.AftercareText.For("en").ConsentLink.Subject.Split('{')[0];
        await LinkQueued(patient);
        app.Clock.Advance(TimeSpan.FromMinutes(16)); // the link goes out a quarter of an hour after the request opens

        var message = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? "").StartsWith(subject, StringComparison.Ordinal));

        var link = message.TextBody!.Split(' ', '\n', '\r').Single(w => w.StartsWith("https://clinic.example/consent/sign/", StringComparison.Ordinal)).TrimEnd('.');
        Assert.DoesNotContain(patient.ToString(), link);
        using var phone = app.Anonymous();
        var page = await phone.GetAsync(new Uri(link).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<canvas", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_consent_signed_at_the_desk_within_the_quarter_hour_sends_the_patient_no_signing_link()
    {
        var email = $"{BookingSetup.Unique("tablet")}@example.test".ToLowerInvariant();
        using var desk = await app.As("Receptionist", freshToken: true);
        var patient = (await desk.PostOk("/patients", new { givenName = "Rhea", familyName = BookingSetup.Unique("Sato"), dateOfBirth = "1990-01-09", phone = "+44 20 7946 0777", preferredLanguage = "en", email }))
            .GetProperty("patient").Id();
        await desk.AnswerScreeningAllNo(patient);
        var request = (await desk.PostOk("/consent/requests", new { patientId = patient, treatmentCode = "MN-PEN" })).Id();
        await LinkQueued(patient);
        await desk.PostOk($"/consent/requests/{request}/sign", new { fullName = "Rhea Sato", signaturePng = PdfTools.SignaturePng() });

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var deliveries = app.Database.Table("aftercare", "deliveries");
        Assert.True(await Sql.Eventually(async () => await app.Database.TextAsync(
            $"SELECT status FROM {deliveries} WHERE kind = 'consent-link' AND patient_id = @p", ("@p", patient)) == "cancelled", seconds: 30),
            "the signing link's message is dropped once it is due");
        Assert.DoesNotContain(app.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == email));
    }

    [Fact]
    public async Task A_signing_link_for_a_form_with_no_text_in_the_patients_language_says_so_first_in_their_language()
    {
        using (var admin = await app.As("Admin", freshToken: true))
        {
            var english = Needling.Consent.Seed.TemplateLibrary.Defaults().Single(t => t.TreatmentCode == "MN-ROLLER" && t.Language == "en");
            await admin.PostOk("/consent/templates/MN-ROLLER/versions", new { texts = new[] { english }, requiresReconsent = false, note = "English only (test)." });
        }
        var email = $"{BookingSetup.Unique("untranslated")}@example.test".ToLowerInvariant();
        using var desk = await app.As("Receptionist", freshToken: true);
        var patient = (await desk.PostOk("/patients", new { givenName = "陽菜", familyName = BookingSetup.Unique("佐藤"), dateOfBirth = "1990-01-09", phone = "+44 20 7946 0888", preferredLanguage = "ja", email }))
            .GetProperty("patient").Id();
        await desk.PostOk("/consent/requests", new { patientId = patient, treatmentCode = "MN-ROLLER" });
        await LinkQueued(patient);
        app.Clock.Advance(TimeSpan.FromMinutes(16));

        var message = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));

        var ja = Needling.Aftercare.Texts.AftercareText.For("ja").ConsentLink;
        Assert.StartsWith(ja.Subject.Split('{')[0], message.Subject);
        Assert.StartsWith(ja.NotTranslated, message.TextBody);
    }

    /// <summary>Waits until Aftercare has queued the signing link of the patient's consent request (two facts away from the booking).</summary>
    private async Task LinkQueued(Guid patient)
    {
        var deliveries = app.Database.Table("aftercare", "deliveries");
        Assert.True(await Sql.Eventually(async () => await app.Database.ScalarAsync(
            $"SELECT count(*) FROM {deliveries} WHERE kind = 'consent-link' AND patient_id = @p", ("@p", patient)) == 1, seconds: 60), "the signing link is queued");
    }

    private static string Flat(string s) => new(s.Where(c => !char.IsWhiteSpace(c) && c != '\u200B').ToArray());
}

public sealed class AftercareEmailTestsOnSqlite(SqliteMailApp app) : AftercareEmailTests(app), IClassFixture<SqliteMailApp>;

public sealed class AftercareEmailTestsOnPostgres(PostgresMailApp app) : AftercareEmailTests(app), IClassFixture<PostgresMailApp>;

public sealed class AftercareEmailTestsOnSqlServer(SqlServerMailApp app) : AftercareEmailTests(app), IClassFixture<SqlServerMailApp>;
