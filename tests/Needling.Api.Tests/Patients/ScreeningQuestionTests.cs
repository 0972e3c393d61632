using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Patients;

/// <summary>
/// Issue 12 item 4 over HTTP: the questions that matter, answers dated and kept with who gave them, and a missing
/// answer read as unknown: "screening incomplete", never "allowed".
/// </summary>
public abstract class ScreeningQuestionTests(AppFixture app)
{
    private readonly SessionSetup _setup = new(app);

    private static IEnumerable<string> RuleIds(JsonElement result) =>
        result.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!);

    private async Task<(HttpClient Desk, Guid Patient, Guid Practitioner)> Setup(bool screened = true, params (string, object)[] except)
    {
        // Fresh tokens: another test here moves the service's clock forward (SessionSetup).
        using var admin = await app.As("Admin", freshToken: true);
        var practitioner = await admin.RegisterPractitioner(BookingSetup.Unique("Dr"), ["microneedling-device-training", "dry-needling-certification", "physician"]);
        var desk = await app.As("Practitioner", freshToken: true);
        var patient = await desk.RegisterPatient("Sol", BookingSetup.Unique("Screened"), screened: false);
        if (screened)
        {
            await desk.AnswerScreeningAllNo(patient, except);
        }
        return (desk, patient, practitioner);
    }

    private static async Task<JsonElement> Ask(HttpClient desk, Guid patient, Guid practitioner, DateTimeOffset start, string treatment = "MN-PEN",
        string indication = "hyperpigmentation", string[]? areas = null) =>
        await desk.PostOk("/eligibility", new { patientId = patient, treatmentCode = treatment, indication, practitionerId = practitioner, start, treatedAreas = areas }, HttpStatusCode.OK);

    private static DateTimeOffset Monday => BookingSetup.NextWeekday(10, day: DayOfWeek.Monday);

    [Fact]
    public async Task The_screening_questions_are_asked_in_english_japanese_and_thai()
    {
        using var desk = await app.As("Receptionist", freshToken: true);
        var questions = (await desk.GetOk("/screening/questions")).GetProperty("questions").EnumerateArray().ToList();

        Assert.Contains(questions, q => q.GetProperty("id").GetString() == "sunburn-tan");
        Assert.All(questions, q => Assert.Equal(["en", "ja", "th"], q.GetProperty("text").EnumerateObject().Select(p => p.Name).Order()));
    }

    [Fact]
    public async Task Each_answer_is_kept_with_its_date_and_who_gave_it_and_a_new_answer_supersedes_the_old()
    {
        using var desk = await app.As("Receptionist", freshToken: true);
        var patient = await desk.RegisterPatient("Ada", BookingSetup.Unique("Dated"), screened: false);

        var first = await desk.PostOk($"/patients/{patient}/screening/answers", new { givenBy = "patient", answers = new[] { new { question = "diabetes", value = "yes" } } }, HttpStatusCode.OK);
        var answer = Assert.Single(first.GetProperty("answers").EnumerateArray());
        Assert.Equal("patient", answer.GetProperty("givenBy").GetString());
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("recordedBy").GetString()));
        Assert.True(answer.GetProperty("answeredAtUtc").GetDateTime() > DateTime.UtcNow.AddYears(-1));
        Assert.Contains("sunburn-tan", first.GetProperty("unanswered").EnumerateArray().Select(u => u.GetString()));

        await desk.PostOk($"/patients/{patient}/screening/answers", new { givenBy = "guardian", answers = new[] { new { question = "diabetes", value = "no" } } }, HttpStatusCode.OK);
        var now = await desk.GetOk($"/patients/{patient}/screening/answers");
        var current = Assert.Single(now.GetProperty("answers").EnumerateArray());
        Assert.Equal(("no", "guardian"), (current.GetProperty("value").GetString(), current.GetProperty("givenBy").GetString()));
    }

    [Fact]
    public async Task An_answer_that_is_not_one_of_the_choices_is_refused_naming_the_field()
    {
        using var desk = await app.As("Receptionist", freshToken: true);
        var patient = await desk.RegisterPatient("Ada", BookingSetup.Unique("Bad"), screened: false);
        var problem = await (await desk.PostAsJsonAsync($"/patients/{patient}/screening/answers",
            new { givenBy = "patient", answers = new[] { new { question = "fitzpatrick", value = "VII" } } })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("answers[0].value", out _));
    }

    [Fact]
    public async Task Eligibility_with_the_sunburn_question_unanswered_says_screening_incomplete()
    {
        var (desk, patient, practitioner) = await Setup(true, ("sunburn-tan", null!));
        var result = await Ask(desk, patient, practitioner, Monday);

        Assert.Equal("ScreeningIncomplete", result.GetProperty("outcome").GetString());
        var finding = result.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "screening.incomplete");
        Assert.Contains("Screening incomplete", finding.GetProperty("message").GetString());
        Assert.Contains("sunburn-tan", finding.GetProperty("message").GetString());
        Assert.Equal("P", finding.GetProperty("evidence").GetString());
        Assert.Contains("clinic policy", finding.GetProperty("evidenceNote").GetString());
    }

    [Fact]
    public async Task A_patient_never_screened_is_never_allowed_the_booking_is_kept_as_screening_incomplete_and_the_session_is_refused()
    {
        using var desk = await app.As("Receptionist", freshToken: true);
        var patient = await desk.RegisterPatient("Nev", BookingSetup.Unique("Unscreened"), screened: false);
        var v = await _setup.CheckedInAsync(patient: patient);
        using (var reception = await app.As("Receptionist", freshToken: true))
        {
            var appointment = await reception.GetOk($"/appointments/{v.Appointment}");
            Assert.Equal("ScreeningIncomplete", appointment.GetProperty("eligibilityOutcome").GetString());
        }
        using var chair = await _setup.SignedIn(v.Chair);
        var problem = await (await chair.PostAsJsonAsync("/sessions", SessionSetup.Start(v))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("screening.incomplete", problem.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task Sunburn_13_days_before_the_appointment_refuses_microneedling_and_14_days_before_does_not()
    {
        var start = Monday;
        var day = DateOnly.FromDateTime(start.UtcDateTime);
        var (desk, patient, practitioner) = await Setup(true,
            ("sunburn-tan", new { question = "sunburn-tan", value = "yes", occurredOn = day.AddDays(-13), areas = new[] { "face" } }));
        var refused = await Ask(desk, patient, practitioner, start, areas: ["cheeks"]);
        Assert.Equal("Refused", refused.GetProperty("outcome").GetString());
        Assert.Contains("ci.sunburn-tan", RuleIds(refused));

        await desk.PostOk($"/patients/{patient}/screening/answers", new { givenBy = "patient", answers = new[] { new { question = "sunburn-tan", value = "yes", occurredOn = day.AddDays(-14), areas = new[] { "face" } } } }, HttpStatusCode.OK);
        Assert.Equal("Allowed", (await Ask(desk, patient, practitioner, start, areas: ["cheeks"])).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_blood_thinner_typed_as_other_medicine_is_caught_as_its_class()
    {
        var (desk, patient, practitioner) = await Setup();
        await desk.PostOk($"/patients/{patient}/screening", new { kind = "medication", code = "other", name = "Xarelto 20 mg", startedOn = "2024-01-01" });
        var result = await Ask(desk, patient, practitioner, Monday);
        Assert.Equal("AllowedWithWarnings", result.GetProperty("outcome").GetString());
        Assert.Contains("ci.anticoagulant-antiplatelet", RuleIds(result));
    }

    [Fact]
    public async Task Only_a_practitioner_marks_a_bleeding_disorder_severe_and_then_dry_needling_is_refused()
    {
        var (desk, patient, practitioner) = await Setup();
        using (var reception = await app.As("Receptionist", freshToken: true))
        {
            var problem = await (await reception.PostAsJsonAsync($"/patients/{patient}/screening", new { kind = "condition", code = "bleeding-disorder", severity = "severe" }))
                .AssertProblem(HttpStatusCode.UnprocessableEntity);
            Assert.Equal("screening.severity-by-practitioner", problem.GetProperty("ruleId").GetString());
        }
        await desk.PostOk($"/patients/{patient}/screening", new { kind = "condition", code = "bleeding-disorder", severity = "severe" });
        var result = await Ask(desk, patient, practitioner, Monday, "DRY-NEEDLING", "musculoskeletal");
        Assert.Equal("Refused", result.GetProperty("outcome").GetString());
        Assert.Contains("ci.bleeding-disorder-severe", RuleIds(result));
    }

    [Fact]
    public async Task A_patient_unable_to_give_consent_is_refused_microneedling_too()
    {
        var (desk, patient, practitioner) = await Setup();
        await desk.PostOk($"/patients/{patient}/screening", new { kind = "condition", code = "unable-to-consent" });
        var result = await Ask(desk, patient, practitioner, Monday);
        Assert.Equal("Refused", result.GetProperty("outcome").GetString());
        Assert.Contains("ci.unable-to-consent", RuleIds(result));
    }
}

public sealed class ScreeningQuestionTestsOnSqlite(SqliteApp app) : ScreeningQuestionTests(app), IClassFixture<SqliteApp>;

public sealed class ScreeningQuestionTestsOnPostgres(PostgresApp app) : ScreeningQuestionTests(app), IClassFixture<PostgresApp>;

public sealed class ScreeningQuestionTestsOnSqlServer(SqlServerApp app) : ScreeningQuestionTests(app), IClassFixture<SqlServerApp>;
