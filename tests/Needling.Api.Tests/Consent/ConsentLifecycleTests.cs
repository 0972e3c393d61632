using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Needling.Api.Tests.Support;
using Needling.Consent.Seed;

namespace Needling.Api.Tests.Consent;

/// <summary>
/// Consent follows the patient's bookings: it is asked for again when it stops covering them, and stops being asked
/// for when no session needs it. Its own class (and database), because publishing a form version is clinic-wide.
/// </summary>
public abstract class ConsentLifecycleTests(AppFixture app)
{
    private static async Task<List<JsonElement>> Requests(HttpClient desk, Guid patient) =>
        (await desk.GetOk($"/patients/{patient}/consents")).GetProperty("requests").EnumerateArray().ToList();

    private static async Task<JsonElement> EventuallyOneRequest(HttpClient desk, Guid patient, Func<JsonElement, bool> match)
    {
        JsonElement found = default;
        Assert.True(await Sql.Eventually(async () =>
        {
            var hits = (await Requests(desk, patient)).Where(match).ToList();
            if (hits.Count == 1)
            {
                found = hits[0];
            }
            return hits.Count == 1;
        }), "The expected consent request did not appear within 20 seconds.");
        return found;
    }

    private static bool IsOpen(JsonElement r) => r.GetProperty("status").GetString() == "open";

    private async Task<(BookingSetup.Resources R, HttpClient Desk, Guid Appointment)> BookedAndSigned(string family, int weeksAhead = 5)
    {
        var r = await BookingSetup.Create(app, family);
        var desk = await app.As("Receptionist");
        var appointment = await Book(desk, r, weeksAhead);
        var request = await EventuallyOneRequest(desk, r.Patient, IsOpen);
        await desk.PostOk($"/consent/requests/{request.Id()}/sign", new { fullName = $"Pat {family}", signaturePng = PdfTools.SignaturePng() });
        return (r, desk, appointment);
    }

    private static async Task<Guid> Book(HttpClient desk, BookingSetup.Resources r, int weeksAhead) =>
        (await (await desk.Book(BookingSetup.Booking(r, BookingSetup.NextWeekday(10, weeksAhead)))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();

    [Fact]
    public async Task A_withdrawn_consent_opens_a_new_request_for_the_next_booked_appointment()
    {
        var (r, desk, appointment) = await BookedAndSigned("Withdraws");
        var signed = (await desk.GetOk($"/patients/{r.Patient}/consents")).GetProperty("signed").EnumerateArray().Single().Id();

        Assert.Equal(HttpStatusCode.NoContent, (await desk.PostAsJsonAsync($"/consent/signed/{signed}/withdraw", new { reason = "Wants to think it over" })).StatusCode);

        var reopened = Assert.Single(await Requests(desk, r.Patient), IsOpen);
        Assert.Equal(appointment, reopened.GetProperty("appointmentId").GetGuid());
    }

    [Fact]
    public async Task A_withdrawn_consent_with_no_booked_appointment_opens_no_request()
    {
        using var desk = await app.As("Receptionist");
        var patient = await desk.RegisterPatient("No", BookingSetup.Unique("Booking"));
        var request = (await desk.PostOk("/consent/requests", new { patientId = patient, treatmentCode = "MN-PEN" })).Id();
        var signed = (await desk.PostOk($"/consent/requests/{request}/sign", new { fullName = "No Booking", signaturePng = PdfTools.SignaturePng() })).Id();

        Assert.Equal(HttpStatusCode.NoContent, (await desk.PostAsJsonAsync($"/consent/signed/{signed}/withdraw", new { reason = "Changed her mind" })).StatusCode);

        Assert.DoesNotContain(await Requests(desk, patient), IsOpen);
    }

    [Fact]
    public async Task A_consent_superseded_by_a_new_version_opens_a_new_request_for_the_next_booked_appointment()
    {
        var (r, desk, appointment) = await BookedAndSigned("Superseded");
        using var admin = await app.As("Admin");
        // The full shipped text in every language, so the other tests' forms stay in their patients' languages.
        var texts = TemplateLibrary.Defaults().Where(t => t.TreatmentCode == "MN-PEN").ToList();
        await admin.PostOk("/consent/templates/MN-PEN/versions", new { texts, requiresReconsent = true, note = "Risks reworded (test)." });

        Assert.Equal("superseded", (await desk.GetOk($"/patients/{r.Patient}/consents/status/MN-PEN")).GetProperty("state").GetString());
        var reopened = Assert.Single(await Requests(desk, r.Patient), IsOpen);
        Assert.Equal(appointment, reopened.GetProperty("appointmentId").GetGuid());
    }

    [Fact]
    public async Task A_request_is_closed_when_its_appointment_is_cancelled_and_no_other_appointment_needs_it()
    {
        var r = await BookingSetup.Create(app, "CancelsOnly");
        using var desk = await app.As("Receptionist");
        var appointment = await Book(desk, r, 5);
        var request = await EventuallyOneRequest(desk, r.Patient, IsOpen);

        await desk.PostOk($"/appointments/{appointment}/cancel", new { reason = "Patient unwell" }, HttpStatusCode.OK);

        await EventuallyOneRequest(desk, r.Patient, x => x.Id() == request.Id() && x.GetProperty("status").GetString() == "cancelled");
    }

    [Fact]
    public async Task A_request_moves_to_the_next_booked_appointment_when_its_own_is_cancelled()
    {
        var r = await BookingSetup.Create(app, "CancelsFirst");
        using var desk = await app.As("Receptionist");
        var first = await Book(desk, r, 5);
        var request = await EventuallyOneRequest(desk, r.Patient, IsOpen);
        var second = await Book(desk, r, 9); // 4 weeks later: past the 14-day interval
        Assert.Equal(first, request.GetProperty("appointmentId").GetGuid());

        await desk.PostOk($"/appointments/{first}/cancel", new { reason = "Patient away" }, HttpStatusCode.OK);

        await EventuallyOneRequest(desk, r.Patient, x => x.Id() == request.Id() && IsOpen(x) && x.GetProperty("appointmentId").GetGuid() == second);
    }

    // The next booking's fact can reach Consent after the cancellation's (two job workers, or a retry): here Consent's note
    // of it is taken away again before the cancellation, as if its job had not run yet. The request still moves, not closed
    // and reopened as a new one (which would e-mail the patient a second link).
    [Fact]
    public async Task A_request_moves_to_a_booking_whose_fact_consent_has_not_handled_yet()
    {
        var r = await BookingSetup.Create(app, "CancelsBeforeNews");
        using var desk = await app.As("Receptionist");
        var first = await Book(desk, r, 5);
        var request = await EventuallyOneRequest(desk, r.Patient, IsOpen);
        var second = await Book(desk, r, 9);
        Assert.True(await Background.SettledAsync(app));
        Assert.Equal(1, await app.Database.ExecuteAsync(
            $"DELETE FROM {app.Database.Table("consent", "upcoming_appointments")} WHERE appointment_id = @a", ("@a", second)));

        await desk.PostOk($"/appointments/{first}/cancel", new { reason = "Patient away" }, HttpStatusCode.OK);

        Assert.True(await Background.SettledAsync(app));
        var moved = Assert.Single(await Requests(desk, r.Patient));
        Assert.Equal(request.Id(), moved.Id());
        Assert.True(IsOpen(moved));
        Assert.Equal(second, moved.GetProperty("appointmentId").GetGuid());
    }

    [Fact]
    public async Task A_reconsent_is_offered_in_the_patients_language_and_the_page_after_signing_is_in_it_too()
    {
        using var desk = await app.As("Receptionist");
        var patient = await desk.RegisterPatient("陽菜", "佐藤", language: "ja");
        var request = await desk.PostOk("/consent/requests", new { patientId = patient, treatmentCode = "MN-ROLLER" });
        Assert.Equal("ja", request.GetProperty("formLanguage").GetString());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("languageNotice").ValueKind);

        var link = (await desk.PostOk($"/consent/requests/{request.Id()}/link", new { }, HttpStatusCode.OK)).GetProperty("url").GetString()!;
        using var phone = app.Anonymous();
        phone.DefaultRequestHeaders.Accept.ParseAdd("text/html"); // the patient's browser
        var html = await phone.GetStringAsync(link);
        Assert.Contains("<html lang=\"ja\">", html);
        Assert.Contains("ありがとうございました", html); // the thanks shown after signing
        Assert.DoesNotContain("Thank you", html);
        Assert.DoesNotContain("class=\"notice\"", html);

        await (await phone.PostAsJsonAsync(link, new { fullName = "佐藤 陽菜", signaturePng = PdfTools.SignaturePng() })).Json(HttpStatusCode.OK);
        var used = await phone.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, used.StatusCode);
        Assert.Contains("このリンクは期限切れか無効です", await used.Content.ReadAsStringAsync());
        var pdf = await phone.GetByteArrayAsync(link + "/pdf");
        Assert.Contains("マイクロニードリング（ダーマローラー）", await PdfTools.Text(pdf)); // the treatment's name, translated
    }

    [Fact]
    public async Task Where_the_form_has_no_text_in_the_patients_language_the_request_and_the_page_say_so()
    {
        using var admin = await app.As("Admin");
        var english = TemplateLibrary.Defaults().Single(t => t.TreatmentCode == "DRY-NEEDLING" && t.Language == "en");
        await admin.PostOk("/consent/templates/DRY-NEEDLING/versions", new { texts = new[] { english }, requiresReconsent = false, note = "English only (test)." });
        using var desk = await app.As("Receptionist");
        var patient = await desk.RegisterPatient("กัญญา", "ศรีสุข", language: "th");

        var request = await desk.PostOk("/consent/requests", new { patientId = patient, treatmentCode = "DRY-NEEDLING" });

        Assert.Equal("th", request.GetProperty("language").GetString());
        Assert.Equal("en", request.GetProperty("formLanguage").GetString());
        Assert.Contains("no Thai text", request.GetProperty("languageNotice").GetString());
        var listed = Assert.Single(await Requests(desk, patient));
        Assert.Contains("no Thai text", listed.GetProperty("languageNotice").GetString());

        var link = (await desk.PostOk($"/consent/requests/{request.Id()}/link", new { }, HttpStatusCode.OK)).GetProperty("url").GetString()!;
        using var phone = app.Anonymous();
        var html = await phone.GetStringAsync(link);
        Assert.Contains("<html lang=\"th\">", html);
        Assert.Contains("class=\"notice\"", html);
        Assert.Contains("ภาษา\u200Bไทย", html); // the notice, in Thai
        Assert.Contains("<h1 lang=\"en\">", html); // the form itself, marked as English
    }
}

public sealed class ConsentLifecycleTestsOnSqlite(SqliteApp app) : ConsentLifecycleTests(app), IClassFixture<SqliteApp>;

public sealed class ConsentLifecycleTestsOnPostgres(PostgresApp app) : ConsentLifecycleTests(app), IClassFixture<PostgresApp>;

public sealed class ConsentLifecycleTestsOnSqlServer(SqlServerApp app) : ConsentLifecycleTests(app), IClassFixture<SqlServerApp>;
