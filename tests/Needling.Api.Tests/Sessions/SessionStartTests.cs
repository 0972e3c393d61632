using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Sessions;

/// <summary>
/// The checks at the chair, made again at the moment of treatment: consent, screening, eligibility on today's
/// facts, the practitioner, and the day. Each refusal is 422 naming the rule, and is kept as a session event.
/// </summary>
public abstract class SessionStartTests(AppFixture app)
{
    private readonly SessionSetup _setup = new(app);

    private static string RuleId(JsonElement problem) => problem.GetProperty("ruleId").GetString()!;

    private async Task<JsonElement> Refused(HttpClient chair, SessionSetup.Visit v, string[]? areas = null, object[]? overrides = null) =>
        await (await chair.PostAsJsonAsync("/sessions", SessionSetup.Start(v, areas, overrides))).AssertProblem(HttpStatusCode.UnprocessableEntity);

    [Fact]
    public async Task A_session_is_refused_without_a_signed_consent()
    {
        var v = await _setup.CheckedInAsync(consent: false);
        using var chair = await _setup.SignedIn(v.Chair);

        var problem = await Refused(chair, v);

        Assert.Equal("session.consent", RuleId(problem));
        Assert.Equal("missing", problem.GetProperty("details").GetProperty("consentState").GetString());
    }

    [Fact]
    public async Task A_session_is_refused_once_the_consent_is_withdrawn()
    {
        var v = await _setup.CheckedInAsync();
        using (var desk = await app.As("Receptionist", freshToken: true))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await desk.PostAsJsonAsync($"/consent/signed/{v.Consent}/withdraw", new { reason = "Patient changed her mind" })).StatusCode);
        }
        using var chair = await _setup.SignedIn(v.Chair);

        var problem = await Refused(chair, v);

        Assert.Equal("session.consent", RuleId(problem));
        Assert.Equal("withdrawn", problem.GetProperty("details").GetProperty("consentState").GetString());
    }

    [Fact]
    public async Task A_patient_checked_in_earlier_than_two_hours_before_the_start_is_refused()
    {
        var v = await _setup.CheckedInAsync(checkIn: false, hoursBefore: 3);
        using var desk = await app.As("Receptionist", freshToken: true);

        var problem = await (await desk.PostAsJsonAsync($"/appointments/{v.Appointment}/check-in", new { })).AssertProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("appointment.check-in-too-early", RuleId(problem));
        app.Clock.Advance(TimeSpan.FromHours(1.5));
        await desk.PostOk($"/appointments/{v.Appointment}/check-in", new { }, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_session_is_refused_until_the_screening_answers_are_reconfirmed_on_the_day()
    {
        var v = await _setup.CheckedInAsync(confirmScreening: false);
        using var chair = await _setup.SignedIn(v.Chair);
        Assert.Equal("session.screening-not-confirmed", RuleId(await Refused(chair, v)));

        using (var desk = await app.As("Receptionist", freshToken: true))
        {
            await desk.PostOk($"/patients/{v.Patient}/screening/confirm", new { confirmedBy = "patient", reviewed = false });
        }
        await SessionSetup.StartOk(chair, v);
    }

    [Fact]
    public async Task Screening_answers_older_than_30_days_must_be_reviewed_by_a_practitioner_before_the_session()
    {
        var chair = await _setup.PractitionerAsync();
        Guid patient;
        using (var desk = await app.As("Receptionist", freshToken: true))
        {
            patient = await desk.RegisterPatient("Old", BookingSetup.Unique("Answers"));
            await desk.PostOk($"/patients/{patient}/screening", new { kind = "allergy", code = "latex" });
        }
        var v = await _setup.CheckedInAsync(chair, patient, daysAhead: 31, confirmScreening: false);
        using (var desk = await app.As("Receptionist", freshToken: true))
        {
            var problem = await (await desk.PostAsJsonAsync($"/patients/{patient}/screening/confirm", new { confirmedBy = "patient", reviewed = false })).AssertProblem(HttpStatusCode.UnprocessableEntity);
            Assert.Equal("screening.review-due", RuleId(problem));
        }
        using var c = await _setup.SignedIn(chair);
        Assert.Equal("screening.review-due", RuleId(await Refused(c, v)));
        await c.PostOk($"/patients/{patient}/screening/confirm", new { confirmedBy = "practitioner", reviewed = true });
        await SessionSetup.StartOk(c, v);
    }

    [Fact]
    public async Task A_session_is_only_started_from_a_checked_in_appointment_and_on_its_day()
    {
        var v = await _setup.CheckedInAsync(checkIn: false);
        using (var chair = await _setup.SignedIn(v.Chair))
        {
            Assert.Equal("session.not-checked-in", RuleId(await Refused(chair, v)));
        }
        await _setup.CheckInAsync(v);
        app.Clock.Advance(TimeSpan.FromDays(1));
        using (var chair = await _setup.SignedIn(v.Chair))
        {
            Assert.Equal("session.not-on-appointment-day", RuleId(await Refused(chair, v)));
        }
    }

    [Fact]
    public async Task An_active_infection_recorded_on_the_face_blocks_a_session_on_the_cheeks()
    {
        var v = await _setup.CheckedInAsync();
        using (var desk = await app.As("Receptionist", freshToken: true))
        {
            await desk.PostOk($"/patients/{v.Patient}/screening",
                new { kind = "skin-finding", code = "active-infection", area = "face", startedOn = app.Clock.GetUtcNow().ToString("yyyy-MM-dd") });
        }
        using var chair = await _setup.SignedIn(v.Chair);

        var problem = await Refused(chair, v, areas: ["cheeks"], overrides: [new { ruleId = "ci.active-infection", reason = "Trying to override a block" }]);

        Assert.Equal("ci.active-infection", RuleId(problem));
        Assert.Contains("cannot be overridden", problem.Detail());
    }

    [Fact]
    public async Task A_practitioner_no_longer_qualified_for_the_treatment_is_refused()
    {
        var v = await _setup.CheckedInAsync();
        using (var admin = await app.As("Admin", freshToken: true))
        {
            // The microneedling training lapsed after the booking: the admin records the practitioner without it.
            var practitioner = await admin.GetOk($"/practitioners/{v.Chair.PractitionerId}");
            await (await admin.PutMatchingAsync($"/practitioners/{v.Chair.PractitionerId}", new
            {
                displayName = practitioner.GetProperty("displayName").GetString(), profession = "Physician", licenceExpiresOn = "2099-12-31",
                qualifications = new[] { new { code = "dry-needling-certification" } }, active = true,
            })).Json(HttpStatusCode.OK);
        }
        using var chair = await _setup.SignedIn(v.Chair);

        Assert.Equal("practitioner.qualification", RuleId(await Refused(chair, v)));
    }

    [Fact]
    public async Task Only_the_booked_practitioner_starts_the_session_unless_the_appointment_is_reassigned_with_a_reason()
    {
        var v = await _setup.CheckedInAsync();
        var colleague = await _setup.PractitionerAsync();
        using var other = await _setup.SignedIn(colleague);
        Assert.Equal("session.not-booked-practitioner", RuleId(await Refused(other, v)));

        using (var desk = await app.As("Receptionist", freshToken: true))
        {
            var reassigned = await desk.PostOk($"/appointments/{v.Appointment}/reassign",
                new { practitionerId = colleague.PractitionerId, reason = "Dr Chair called in sick" }, HttpStatusCode.OK);
            Assert.Equal(colleague.PractitionerId, reassigned.GetProperty("practitionerId").GetGuid());
            var history = await desk.GetOk($"/appointments/{v.Appointment}/history");
            Assert.Contains(history.EnumerateArray(), e => e.GetProperty("action").GetString() == "reassigned" && e.GetProperty("detail").GetString()!.Contains("called in sick"));
        }
        await SessionSetup.StartOk(other, v);
    }

    [Fact]
    public async Task A_warning_without_an_override_is_refused_and_with_a_written_reason_is_accepted_and_audited()
    {
        var v = await _setup.CheckedInAsync();
        using (var desk = await app.As("Receptionist", freshToken: true))
        {
            await desk.PostOk($"/patients/{v.Patient}/screening", new { kind = "condition", code = "keloid-history" });
        }
        using var chair = await _setup.SignedIn(v.Chair);

        Assert.Equal("ci.keloid-history", RuleId(await Refused(chair, v)));
        Assert.Equal("ci.keloid-history", RuleId(await Refused(chair, v, overrides: [new { ruleId = "ci.keloid-history", reason = "ok" }])));
        var reason = "Keloid on the chest only, none on the face; patient informed";
        var session = await SessionSetup.StartOk(chair, v, overrides: [new { ruleId = "ci.keloid-history", reason }]);

        var o = Assert.Single(session.GetProperty("overrides").EnumerateArray());
        Assert.Equal("ci.keloid-history", o.GetProperty("ruleId").GetString());
        Assert.Equal(reason, o.GetProperty("reason").GetString());
        Assert.Equal("start", o.GetProperty("stage").GetString());
        Assert.True(o.GetProperty("ruleSetVersion").GetInt32() >= 1);
        Assert.False(string.IsNullOrEmpty(o.GetProperty("by").GetString()));
        Assert.Equal("AllowedWithWarnings", session.GetProperty("eligibilityOutcome").GetString());
        Assert.Contains(await SessionAudit.Rows(app, "SessionOverride"), a => a.Action == "created");
        Assert.Equal(2, (await SessionAudit.Events(app, v.Appointment)).Count(e => e.Action == "start-refused" && e.RuleId == "ci.keloid-history"));
    }

    [Fact]
    public async Task A_receptionist_cannot_start_a_session_or_override_a_warning()
    {
        var v = await _setup.CheckedInAsync();
        using var desk = await app.As("Receptionist", freshToken: true);

        var response = await desk.PostAsJsonAsync("/sessions", SessionSetup.Start(v, overrides: [new { ruleId = "ci.keloid-history", reason = "Receptionist wants to go ahead" }]));

        await response.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_session_13_days_after_the_last_signed_session_is_refused_and_14_days_after_is_allowed()
    {
        // The clinic's interval was 7 days when the follow-ups were booked, and 14 days (the default, seed 000)
        // on the day: the rule in force at the chair is the one that counts.
        const string protocol = "proto.mn-pen.hyperpigmentation";
        await SetInterval(protocol, 7);
        // Wednesday: day 13 is a Tuesday and day 14 a Wednesday, both open days.
        var chair = await _setup.PractitionerAsync();
        var early = await _setup.CheckedInAsync(chair, day: DayOfWeek.Wednesday);
        var onTime = await _setup.CheckedInAsync(daysAhead: 0, day: DayOfWeek.Wednesday);
        using (var c = await _setup.SignedIn(chair))
        {
            await _setup.SignedSessionAsync(c, early);
        }
        using (var c = await _setup.SignedIn(onTime.Chair))
        {
            await _setup.SignedSessionAsync(c, onTime);
        }
        var day = early.Start;
        var (day13, day14) = await BookFollowUps(chair, early, onTime, day);
        await SetInterval(protocol, 14);

        app.Clock.Advance(day.AddDays(13) - app.Clock.GetUtcNow() - TimeSpan.FromHours(1));
        await _setup.CheckInAsync(day13);
        using (var c = await _setup.SignedIn(chair))
        {
            var problem = await Refused(c, day13);
            Assert.Equal(protocol, RuleId(problem));
            Assert.Contains("completed", problem.Detail());
        }
        app.Clock.Advance(TimeSpan.FromDays(1));
        await _setup.CheckInAsync(day14);
        using (var c = await _setup.SignedIn(chair))
        {
            await SessionSetup.StartOk(c, day14);
        }
    }

    private async Task<(SessionSetup.Visit Day13, SessionSetup.Visit Day14)> BookFollowUps(SessionSetup.Chair chair, SessionSetup.Visit a, SessionSetup.Visit b, DateTimeOffset day)
    {
        using var admin = await app.As("Admin", freshToken: true);
        using var desk = await app.As("Receptionist", freshToken: true);
        async Task<SessionSetup.Visit> Book(SessionSetup.Visit first, int days)
        {
            var start = day.AddDays(days);
            var booking = new { patientId = first.Patient, practitionerId = chair.PractitionerId, roomId = await BookingSetup.Room(admin), deviceId = await BookingSetup.Pen(admin), treatmentCode = "MN-PEN", indication = "hyperpigmentation", start };
            var id = (await (await desk.Book(booking)).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
            return first with { Appointment = id, Start = start };
        }
        return (await Book(a, 13), await Book(b, 14));
    }

    private async Task SetInterval(string protocolId, int days)
    {
        using var admin = await app.As("Admin", freshToken: true);
        await RuleEdits.SetIntervalAsync(app, admin, protocolId, days);
    }
}

public sealed class SessionStartTestsOnSqlite(SqliteApp app) : SessionStartTests(app), IClassFixture<SqliteApp>;

public sealed class SessionStartTestsOnPostgres(PostgresApp app) : SessionStartTests(app), IClassFixture<PostgresApp>;

public sealed class SessionStartTestsOnSqlServer(SqlServerApp app) : SessionStartTests(app), IClassFixture<SqlServerApp>;
