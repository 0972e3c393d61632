using System.Net;
using System.Net.Http.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Needling.Api.Tests.Support;
using Needling.Contracts.Patients;
using Needling.Patients.Data;
using Needling.SharedKernel.Audit;

namespace Needling.Api.Tests.Patients;

/// <summary>
/// The patient reconfirms the screening answers on the day; old answers need a practitioner's review first
/// (rule screening.review-due, Screening:ReviewDays = 30 by default). The tests move the service's clock, so
/// the class has a fixture of its own: other tests keep a clock that reads the real time. Every test signs in
/// afresh, as tokens are judged by that clock.
/// </summary>
public abstract class ScreeningConfirmationTests(AppFixture app)
{
    private static string RuleId(System.Text.Json.JsonElement problem) => problem.GetProperty("ruleId").GetString()!;

    private async Task<(HttpClient Desk, HttpClient Clinician)> SignIn() =>
        (await app.As("Receptionist", freshToken: true), await app.As("Practitioner", freshToken: true));

    private async Task<Guid> PatientWithAnAnswer(HttpClient desk, string family)
    {
        var id = await desk.RegisterPatient("Conf", family);
        await desk.PostOk($"/patients/{id}/screening", new { kind = "medication", code = "anticoagulant", name = "Apixaban", startedOn = "2024-01-10" });
        return id;
    }

    private async Task ClockMoves(TimeSpan by, Func<Task> signInAgain)
    {
        app.Clock.Advance(by);
        await signInAgain();
    }

    private async Task<PatientScreening> AskAsOtherModulesDo(Guid patient)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetPatientScreening(patient)))!;
    }

    [Fact]
    public async Task The_patients_confirmation_on_the_day_is_recorded_with_who_recorded_it_and_when_and_is_audited()
    {
        var (desk, clinician) = await SignIn();
        clinician.Dispose();
        using var deskClient = desk;
        var id = await PatientWithAnAnswer(desk, "Recorded");

        var confirmed = await desk.PostOk($"/patients/{id}/screening/confirm", new { confirmedBy = "patient", reviewed = false });
        Assert.Equal("patient", confirmed.GetProperty("confirmedBy").GetString());
        Assert.False(confirmed.GetProperty("reviewed").GetBoolean());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, confirmed.GetProperty("confirmedAtUtc").GetDateTime(), TimeSpan.FromSeconds(1));

        var screening = await desk.GetOk($"/patients/{id}/screening");
        var last = screening.GetProperty("lastConfirmation");
        Assert.Equal("patient", last.GetProperty("confirmedBy").GetString());
        Assert.False(string.IsNullOrEmpty(last.GetProperty("actor").GetString()));
        Assert.False(screening.GetProperty("reviewDue").GetBoolean());
        Assert.Single(screening.GetProperty("answers").EnumerateArray());

        var contract = await AskAsOtherModulesDo(id);
        Assert.Equal("patient", contract.LastConfirmation?.ConfirmedBy);
        Assert.False(contract.ReviewDue);

        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<PatientsDbContext>().Set<AuditRecord>()
            .Where(a => a.EntityType == "ScreeningConfirmation").ToListAsync();
        Assert.Contains(audit, a => a.Action == "created" && a.Actor == last.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task A_receptionist_cannot_record_that_the_answers_were_reviewed_with_the_patient()
    {
        var (desk, clinician) = await SignIn();
        clinician.Dispose();
        using var deskClient = desk;
        var id = await PatientWithAnAnswer(desk, "DeskReview");

        var problem = await (await desk.PostAsJsonAsync($"/patients/{id}/screening/confirm", new { confirmedBy = "patient", reviewed = true }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("screening.review-by-practitioner", RuleId(problem));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await desk.GetOk($"/patients/{id}/screening")).GetProperty("lastConfirmation").ValueKind);
    }

    [Fact]
    public async Task Who_confirmed_must_be_the_patient_or_the_practitioner()
    {
        var (desk, clinician) = await SignIn();
        clinician.Dispose();
        using var deskClient = desk;
        var id = await PatientWithAnAnswer(desk, "Confirmer");

        var problem = await (await desk.PostAsJsonAsync($"/patients/{id}/screening/confirm", new { confirmedBy = "relative" })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("confirmedBy", out _));
    }

    [Fact]
    public async Task A_plain_confirmation_of_answers_recorded_more_than_30_days_ago_is_refused_until_a_practitioner_reviews_them()
    {
        var (desk, clinician) = await SignIn();
        var id = await PatientWithAnAnswer(desk, "Stale");
        await ClockMoves(TimeSpan.FromDays(31), async () => (desk, clinician) = await SignIn());

        var refused = await (await desk.PostAsJsonAsync($"/patients/{id}/screening/confirm", new { confirmedBy = "patient", reviewed = false }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("screening.review-due", RuleId(refused));
        Assert.Equal(30, refused.GetProperty("details").GetProperty("reviewDays").GetInt32());
        Assert.True((await desk.GetOk($"/patients/{id}/screening")).GetProperty("reviewDue").GetBoolean());
        Assert.True((await AskAsOtherModulesDo(id)).ReviewDue);

        var reviewed = await clinician.PostOk($"/patients/{id}/screening/confirm", new { confirmedBy = "patient", reviewed = true });
        Assert.True(reviewed.GetProperty("reviewed").GetBoolean());
        Assert.False((await AskAsOtherModulesDo(id)).ReviewDue);

        // Reviewed today, so a plain confirmation at the desk is accepted again (a minute later: the test clock stands still).
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await desk.PostOk($"/patients/{id}/screening/confirm", new { confirmedBy = "patient" });
        var screening = await desk.GetOk($"/patients/{id}/screening");
        Assert.False(screening.GetProperty("reviewDue").GetBoolean());
        Assert.False(screening.GetProperty("lastConfirmation").GetProperty("reviewed").GetBoolean());
        desk.Dispose();
        clinician.Dispose();
    }

    [Fact]
    public async Task Answers_29_days_old_are_confirmed_plainly_and_a_plain_confirmation_does_not_put_off_the_review()
    {
        var (desk, clinician) = await SignIn();
        var id = await PatientWithAnAnswer(desk, "Fresh");
        await ClockMoves(TimeSpan.FromDays(29), async () => (desk, clinician) = await SignIn());
        await desk.PostOk($"/patients/{id}/screening/confirm", new { confirmedBy = "patient" });

        await ClockMoves(TimeSpan.FromDays(2), async () => (desk, clinician) = await SignIn());
        var refused = await (await desk.PostAsJsonAsync($"/patients/{id}/screening/confirm", new { confirmedBy = "practitioner" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("screening.review-due", RuleId(refused));
        desk.Dispose();
        clinician.Dispose();
    }

    [Fact]
    public async Task A_new_answer_does_not_excuse_the_review_of_the_old_ones()
    {
        var (desk, clinician) = await SignIn();
        var id = await PatientWithAnAnswer(desk, "Partly");
        await ClockMoves(TimeSpan.FromDays(40), async () => (desk, clinician) = await SignIn());
        await desk.PostOk($"/patients/{id}/screening", new { kind = "allergy", code = "latex" });

        var refused = await (await desk.PostAsJsonAsync($"/patients/{id}/screening/confirm", new { confirmedBy = "patient" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("screening.review-due", RuleId(refused));
        desk.Dispose();
        clinician.Dispose();
    }
}

public sealed class ScreeningConfirmationTestsOnSqlite(SqliteApp app) : ScreeningConfirmationTests(app), IClassFixture<SqliteApp>;

public sealed class ScreeningConfirmationTestsOnPostgres(PostgresApp app) : ScreeningConfirmationTests(app), IClassFixture<PostgresApp>;

public sealed class ScreeningConfirmationTestsOnSqlServer(SqlServerApp app) : ScreeningConfirmationTests(app), IClassFixture<SqlServerApp>;
