using System.Collections;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Needling.Api.Tests.Support;
using OpenTelemetry.Trace;

namespace Needling.Api.Tests;

/// <summary>
/// Traces as a clinic's monitoring would receive them (an in-memory exporter in place of OTLP): requests, database
/// calls, background jobs, documents rendered and e-mails sent, and not one patient's detail in a span name or attribute.
/// </summary>
public abstract class TelemetryTests(TracedApp app)
{
    [Fact]
    public async Task Spans_cover_requests_database_jobs_documents_and_mail_and_carry_no_patient_data()
    {
        var email = $"{BookingSetup.Unique("quill")}@example.test".ToLowerInvariant();
        const string given = "Zorawar", family = "Quillfeather", phone = "+44 20 7946 0123", born = "1987-03-14";
        using var desk = await app.As("Receptionist", freshToken: true);
        var patient = (await desk.PostOk("/patients", new { givenName = given, familyName = family, dateOfBirth = born, phone, preferredLanguage = "en", email }))
            .GetProperty("patient").Id();
        // A booking in a trace of its own (a traceparent as a client's tracing would send it), to find its spans.
        var resources = await BookingSetup.Create(app) with { Patient = patient };
        var bookingTrace = ActivityTraceId.CreateRandom();
        using var booking = new HttpRequestMessage(HttpMethod.Post, "/appointments") { Content = JsonContent.Create(BookingSetup.Booking(resources, BookingSetup.NextWeekday(10))) };
        booking.Headers.Add("traceparent", $"00-{bookingTrace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        await (await desk.SendAsync(booking)).Json(HttpStatusCode.Created);
        // The booking opens the patient's pen consent request in the background: once it has, asking again finds it.
        Assert.True(await Background.SettledAsync(app, seconds: 60), "the booking's background work should finish");
        var signedHere = (await desk.PostOk("/consent/requests", new { patientId = patient, treatmentCode = "MN-PEN" }, HttpStatusCode.OK)).Id();
        await desk.PostOk($"/consent/requests/{signedHere}/sign", new { fullName = $"{given} {family}", signaturePng = PdfTools.SignaturePng() });
        var byLink = (await desk.PostOk("/consent/requests", new { patientId = patient, treatmentCode = "DRY-NEEDLING" })).Id();
        var link = (await desk.PostOk($"/consent/requests/{byLink}/link", new { }, HttpStatusCode.OK)).GetProperty("url").GetString()!;
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(link)).StatusCode);
        var problem = await (await desk.PostAsJsonAsync("/patients", new { givenName = given })).AssertProblem(HttpStatusCode.BadRequest);

        // The link e-mail goes out a quarter of an hour after the request opens: once it is queued, move the clock on.
        var deliveries = app.Database.Table("aftercare", "deliveries");
        Assert.True(await Sql.Eventually(async () => await app.Database.ScalarAsync(
            $"SELECT count(*) FROM {deliveries} WHERE kind = 'consent-link' AND patient_id = @p", ("@p", patient)) == 2, seconds: 60), "both signing links are queued");
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.True(await Sql.Eventually(() => Task.FromResult(app.Spans.Snapshot().Any(s => s.Source.Name == "Needling.Mail")), seconds: 60),
            "an e-mail was sent and traced");

        var spans = app.Spans.Snapshot();
        var booked = spans.Where(s => s.TraceId == bookingTrace).ToList();
        var request = Assert.Single(booked, s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.StartsWith("POST", request.DisplayName);
        var byId = booked.ToDictionary(s => s.SpanId);
        bool Under(Activity span)
        {
            for (var p = span.ParentSpanId; byId.TryGetValue(p, out var parent); p = parent.ParentSpanId)
            {
                if (parent == request)
                {
                    return true;
                }
            }
            return false;
        }
        Assert.Contains(booked, s => s.Source.Name == (app.Provider == Provider.PostgreSql ? "Npgsql" : "Needling.Database") && Under(s));
        Assert.Contains(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.DisplayName is "POST /patients" or "POST patients");
        Assert.Contains(spans, s => s.Source.Name == (app.Provider == Provider.PostgreSql ? "Npgsql" : "Needling.Database"));
        Assert.Contains(spans, s => s.Source.Name == "Needling.Jobs" && s.DisplayName.StartsWith("job ", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.Source.Name == "Needling.Documents" && s.GetTagItem("needling.document.pages") is int pages && pages > 0);
        Assert.Contains(spans, s => s.Source.Name == "Needling.Mail" && s.Status != ActivityStatusCode.Error);
        Assert.Contains(spans, s => s.TraceId.ToHexString() == problem.GetProperty("traceId").GetString());

        var token = link.TrimEnd('/').Split('/')[^1];
        string[] secrets = [given, family, email, phone, born, token, patient.ToString()];
        foreach (var span in spans)
        {
            foreach (var text in span.TagObjects.Select(t => $"{t.Key}={t.Value}").Prepend(span.DisplayName))
            {
                Assert.DoesNotContain(secrets, secret => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
            }
        }
    }
}

/// <summary>The service with tracing on and an in-memory exporter.</summary>
public abstract class TracedApp(Provider provider) : AppFixture(provider)
{
    public SpanList Spans { get; } = new();

    protected override IEnumerable<(string Key, string Value)> ExtraSettings => [("Telemetry:Enabled", "true")];

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureOpenTelemetryTracerProvider(b => b.AddInMemoryExporter(Spans));
}

/// <summary>
/// Exported spans, safe to read while the exporter adds more. ActivitySource listeners are process-wide, so spans of
/// other test servers running meanwhile land here too: the patient-data check covers them as well.
/// </summary>
public sealed class SpanList : ICollection<Activity>
{
    private readonly List<Activity> _items = [];
    private readonly Lock _gate = new();

    public List<Activity> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    public void Add(Activity item)
    {
        lock (_gate)
        {
            _items.Add(item);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
        }
    }

    public int Count => Snapshot().Count;
    public bool IsReadOnly => false;
    public bool Contains(Activity item) => Snapshot().Contains(item);
    public void CopyTo(Activity[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);
    public bool Remove(Activity item) => throw new NotSupportedException();
    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class TracedSqliteApp() : TracedApp(Provider.Sqlite);

public sealed class TracedPostgresApp() : TracedApp(Provider.PostgreSql);

public sealed class TracedSqlServerApp() : TracedApp(Provider.SqlServer), IRequiresSqlServer;

public sealed class TelemetryTestsOnSqlite(TracedSqliteApp app) : TelemetryTests(app), IClassFixture<TracedSqliteApp>;

public sealed class TelemetryTestsOnPostgres(TracedPostgresApp app) : TelemetryTests(app), IClassFixture<TracedPostgresApp>;

public sealed class TelemetryTestsOnSqlServer(TracedSqlServerApp app) : TelemetryTests(app), IClassFixture<TracedSqlServerApp>;
