using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Sessions;

/// <summary>The session record: checked against the protocol, signed and locked, corrected only by amendment.</summary>
public abstract class SessionRecordTests(AppFixture app)
{
    private readonly SessionSetup _setup = new(app);

    private static string RuleId(JsonElement problem) => problem.GetProperty("ruleId").GetString()!;

    private async Task<(HttpClient Chair, SessionSetup.Visit Visit, Guid Session)> Started(string[]? areas = null)
    {
        var v = await _setup.CheckedInAsync();
        var chair = await _setup.SignedIn(v.Chair);
        var session = (await SessionSetup.StartOk(chair, v, areas)).Id();
        return (chair, v, session);
    }

    private static Task<HttpResponseMessage> Record(HttpClient chair, Guid session, object record, object[]? overrides = null) =>
        chair.PutAsJsonAsync($"/sessions/{session}/record", new { record, overrides = overrides ?? [] });

    [Fact]
    public async Task A_depth_of_1_2_mm_around_the_eyes_is_refused_and_nothing_is_recorded()
    {
        var (chair, _, session) = await Started(["periorbital", "cheeks"]);
        var record = new { areas = new object[] { new { area = "periorbital", depthMm = 1.2m, passes = 2 }, new { area = "cheeks", depthMm = 0.75m, passes = 2 } } };

        var problem = await (await Record(chair, session, record)).AssertProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("proto.mn-pen.hyperpigmentation.depth", RuleId(problem));
        Assert.Contains("periorbital", problem.Detail());
        Assert.Contains("cannot be overridden", problem.Detail());
        var stored = await chair.GetOk($"/sessions/{session}");
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("record").ValueKind);
        chair.Dispose();
    }

    [Fact]
    public async Task An_expired_cartridge_lot_is_refused()
    {
        var (chair, _, session) = await Started();
        var yesterday = app.Clock.GetUtcNow().AddDays(-1).ToString("yyyy-MM-dd");

        var problem = await (await Record(chair, session, SessionSetup.PenRecord(app.Clock.GetUtcNow(), lotExpires: yesterday))).AssertProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("session.sterile-item-expired", RuleId(problem));
        Assert.Contains("CT-2291", problem.Detail());
        chair.Dispose();
    }

    [Fact]
    public async Task An_area_not_checked_at_the_start_cannot_be_recorded()
    {
        var (chair, _, session) = await Started(["forehead"]);

        var problem = await (await Record(chair, session, SessionSetup.PenRecord(app.Clock.GetUtcNow()))).AssertProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("session.area-not-screened", RuleId(problem));
        chair.Dispose();
    }

    [Fact]
    public async Task A_record_without_its_cartridge_cannot_be_signed()
    {
        var (chair, _, session) = await Started();
        var record = new { areas = new object[] { new { area = "cheeks", depthMm = 0.75m, passes = 3 } }, painScore = 2 };
        await (await Record(chair, session, record)).Json(HttpStatusCode.OK);

        var problem = await (await chair.PostAsJsonAsync($"/sessions/{session}/sign", new { })).AssertProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("session.record-incomplete", RuleId(problem));
        Assert.Contains("sterileItem", problem.Detail());
        chair.Dispose();
    }

    [Fact]
    public async Task A_signed_session_cannot_be_changed_only_amended_and_the_history_shows_both()
    {
        var v = await _setup.CheckedInAsync();
        using var chair = await _setup.SignedIn(v.Chair);
        var signed = await _setup.SignedSessionAsync(chair, v);
        var session = signed.Id();
        Assert.Equal("signed", signed.GetProperty("status").GetString());
        Assert.Equal(1, signed.GetProperty("courseSessionNumber").GetInt32());
        Assert.True(signed.TryGetProperty("nextEligibleOn", out var next) && next.ValueKind == JsonValueKind.String);

        var change = await Record(chair, session, SessionSetup.PenRecord(app.Clock.GetUtcNow(), cheeksDepth: 0.6m));
        await change.AssertProblem(HttpStatusCode.Conflict);
        await (await chair.PostAsJsonAsync($"/sessions/{session}/amendments", new { reason = "x", record = SessionSetup.PenRecord(app.Clock.GetUtcNow()) }))
            .AssertProblem(HttpStatusCode.BadRequest);

        var reason = "Depth on the cheeks was 0.6 mm, not 0.75 mm: misread the dial";
        var amended = await chair.PostOk($"/sessions/{session}/amendments", new { reason, record = SessionSetup.PenRecord(app.Clock.GetUtcNow(), cheeksDepth: 0.6m) });

        var history = (await chair.GetOk($"/patients/{v.Patient}/sessions")).EnumerateArray().Single(s => s.Id() == session);
        Assert.Equal(0.75m, CheeksDepth(history.GetProperty("originalRecord")));
        Assert.Equal(0.6m, CheeksDepth(history.GetProperty("record")));
        var amendment = Assert.Single(history.GetProperty("amendments").EnumerateArray());
        Assert.Equal(reason, amendment.GetProperty("reason").GetString());
        Assert.Equal(1, amendment.GetProperty("number").GetInt32());
        Assert.Equal(0.6m, CheeksDepth(amended.GetProperty("record")));
        Assert.Contains(await SessionAudit.Rows(app, "SessionAmendment"), a => a.Action == "created");
    }

    [Fact]
    public async Task Signing_completes_the_appointment_and_an_appointment_cannot_be_completed_without_a_signed_session()
    {
        var v = await _setup.CheckedInAsync();
        using var chair = await _setup.SignedIn(v.Chair);
        app.Clock.Advance(TimeSpan.FromHours(1)); // the appointment's start
        var problem = await (await chair.PostAsJsonAsync($"/appointments/{v.Appointment}/complete", new { })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("appointment.session-not-signed", RuleId(problem));

        var session = (await SessionSetup.StartOk(chair, v)).Id();
        problem = await (await chair.PostAsJsonAsync($"/appointments/{v.Appointment}/complete", new { })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("appointment.session-not-signed", RuleId(problem));

        await (await Record(chair, session, SessionSetup.PenRecord(app.Clock.GetUtcNow(), adverse: "bruising"))).Json(HttpStatusCode.OK);
        await chair.PostOk($"/sessions/{session}/sign", new { }, HttpStatusCode.OK);

        // Signing raises SessionSigned through the outbox; Booking completes the appointment from it.
        using var desk = await app.As("Receptionist", freshToken: true);
        var status = "";
        for (var i = 0; i < 100 && status != "fulfilled"; i++)
        {
            status = (await desk.GetOk($"/appointments/{v.Appointment}")).GetProperty("status").GetString()!;
            if (status != "fulfilled")
            {
                await Task.Delay(100);
            }
        }
        Assert.Equal("fulfilled", status);
        var history = await desk.GetOk($"/appointments/{v.Appointment}/history");
        Assert.Equal(["booked", "checked-in", "completed"], history.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(["booked", "arrived", "fulfilled"], history.EnumerateArray().Select(e => e.GetProperty("toStatus").GetString()));
        Assert.Contains(session.ToString(), history.EnumerateArray().Last().GetProperty("detail").GetString());
    }

    private static decimal CheeksDepth(JsonElement record) =>
        record.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("area").GetString() == "cheeks").GetProperty("depthMm").GetDecimal();
}

public sealed class SessionRecordTestsOnSqlite(SqliteApp app) : SessionRecordTests(app), IClassFixture<SqliteApp>;

public sealed class SessionRecordTestsOnPostgres(PostgresApp app) : SessionRecordTests(app), IClassFixture<PostgresApp>;

public sealed class SessionRecordTestsOnSqlServer(SqlServerApp app) : SessionRecordTests(app), IClassFixture<SqlServerApp>;
