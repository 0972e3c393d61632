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
        chair.PutMatchingAsync($"/sessions/{session}/record", new { record, overrides = overrides ?? [] });

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

        var problem = await (await chair.PostMatchingAsync($"/sessions/{session}/sign", new { })).AssertProblem(HttpStatusCode.UnprocessableEntity);

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

    [Fact]
    public async Task A_record_kept_open_on_a_second_device_can_neither_overwrite_nor_sign_a_newer_one()
    {
        var v = await _setup.CheckedInAsync();
        using var chair = await _setup.SignedIn(v.Chair);
        var start = await chair.PostAsJsonAsync("/sessions", SessionSetup.Start(v));
        var session = (await start.Json(HttpStatusCode.Created)).Id();
        var started = start.Headers.ETag?.Tag;
        Assert.NotNull(started);
        Assert.Equal(started, await chair.ETagAsync($"/sessions/{session}"));
        var path = $"/sessions/{session}/record";

        var missing = await (await chair.PutAsJsonAsync(path, new { record = SessionSetup.PenRecord(app.Clock.GetUtcNow()) })).AssertProblem((HttpStatusCode)428);
        Assert.Contains("If-Match", missing.Detail(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await chair.GetOk($"/sessions/{session}")).GetProperty("record").ValueKind);

        // The tablet writes 0.75 mm; the desktop, still showing the session as started, then tries 0.6 mm.
        var tablet = await chair.SendMatchingAsync(HttpMethod.Put, path, new { record = SessionSetup.PenRecord(app.Clock.GetUtcNow()) }, started);
        await tablet.Json(HttpStatusCode.OK);
        var written = tablet.Headers.ETag?.Tag;
        Assert.NotEqual(started, written);
        await (await chair.SendMatchingAsync(HttpMethod.Put, path, new { record = SessionSetup.PenRecord(app.Clock.GetUtcNow(), cheeksDepth: 0.6m) }, started))
            .AssertProblem(HttpStatusCode.PreconditionFailed);
        await (await chair.SendMatchingAsync(HttpMethod.Post, $"/sessions/{session}/sign", new { }, started)).AssertProblem(HttpStatusCode.PreconditionFailed);

        var stored = await chair.GetOk($"/sessions/{session}");
        Assert.Equal("in-progress", stored.GetProperty("status").GetString());
        Assert.Equal(0.75m, CheeksDepth(stored.GetProperty("record")));
        var signed = await (await chair.SendMatchingAsync(HttpMethod.Post, $"/sessions/{session}/sign", new { }, written)).Json(HttpStatusCode.OK);
        Assert.Equal("signed", signed.GetProperty("status").GetString());
        Assert.Equal(0.75m, CheeksDepth(signed.GetProperty("record")));
    }

    [Fact]
    public async Task Of_four_writes_of_a_record_from_one_version_at_once_exactly_one_is_saved()
    {
        var (chair, _, session) = await Started();
        var read = await chair.ETagAsync($"/sessions/{session}");
        decimal[] depths = [0.6m, 0.65m, 0.7m, 0.75m];

        var answers = await Task.WhenAll(depths.Select(d => chair.SendMatchingAsync(HttpMethod.Put, $"/sessions/{session}/record",
            new { record = SessionSetup.PenRecord(app.Clock.GetUtcNow(), cheeksDepth: d) }, read)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.PreconditionFailed, a.StatusCode));
        var winner = answers.Single(a => a.StatusCode == HttpStatusCode.OK);
        var saved = CheeksDepth((await winner.Json(HttpStatusCode.OK)).GetProperty("record"));
        var stored = await chair.GetAsync($"/sessions/{session}");
        Assert.Equal(winner.Headers.ETag?.Tag, stored.Headers.ETag?.Tag);
        Assert.Equal(saved, CheeksDepth((await stored.Json(HttpStatusCode.OK)).GetProperty("record")));
        chair.Dispose();
    }

    [Fact]
    public async Task An_amendment_made_before_another_amendment_was_saved_is_refused_and_the_first_stands()
    {
        var v = await _setup.CheckedInAsync();
        using var chair = await _setup.SignedIn(v.Chair);
        var session = (await _setup.SignedSessionAsync(chair, v)).Id();
        var read = await chair.ETagAsync($"/sessions/{session}");
        var path = $"/sessions/{session}/amendments";
        var first = new { reason = "Depth on the cheeks was 0.6 mm, not 0.75 mm: misread the dial", record = SessionSetup.PenRecord(app.Clock.GetUtcNow(), cheeksDepth: 0.6m) };
        var second = new { reason = "Depth on the cheeks was 0.7 mm according to the paper chart", record = SessionSetup.PenRecord(app.Clock.GetUtcNow(), cheeksDepth: 0.7m) };

        await (await chair.PostAsJsonAsync(path, first)).AssertProblem((HttpStatusCode)428);
        var amended = await chair.SendMatchingAsync(HttpMethod.Post, path, first, read);
        await amended.Json(HttpStatusCode.Created);
        Assert.NotEqual(read, amended.Headers.ETag?.Tag);
        await (await chair.SendMatchingAsync(HttpMethod.Post, path, second, read)).AssertProblem(HttpStatusCode.PreconditionFailed);

        var stored = await chair.GetOk($"/sessions/{session}");
        Assert.Equal(0.6m, CheeksDepth(stored.GetProperty("record")));
        Assert.Single(stored.GetProperty("amendments").EnumerateArray());
    }

    private static decimal CheeksDepth(JsonElement record) =>
        record.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("area").GetString() == "cheeks").GetProperty("depthMm").GetDecimal();
}

public sealed class SessionRecordTestsOnSqlite(SqliteApp app) : SessionRecordTests(app), IClassFixture<SqliteApp>;

public sealed class SessionRecordTestsOnPostgres(PostgresApp app) : SessionRecordTests(app), IClassFixture<PostgresApp>;

public sealed class SessionRecordTestsOnSqlServer(SqlServerApp app) : SessionRecordTests(app), IClassFixture<SqlServerApp>;
