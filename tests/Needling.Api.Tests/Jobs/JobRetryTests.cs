using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Needling.Api.Tests.Support;
using Needling.Contracts.Booking;
using Needling.SharedKernel.Outbox;

namespace Needling.Api.Tests.Jobs;

/// <summary>A consumer of booked appointments that fails as many times as a test says for a patient, then succeeds.</summary>
public sealed class FlakyConsumer : INotificationHandler<AppointmentBooked>
{
    public static readonly ConcurrentDictionary<Guid, int> FailuresLeft = new();
    public static readonly ConcurrentDictionary<Guid, int> Handled = new();
    public const string SecretName = "Zebulon Quaxworth";

    public Task Handle(AppointmentBooked notification, CancellationToken cancellationToken)
    {
        var patient = notification.Appointment.PatientId;
        if (FailuresLeft.TryGetValue(patient, out var left) && left > 0)
        {
            FailuresLeft[patient] = left - 1;
            // A message quoting a patient, as a careless one might: the dashboard must show the type, not this.
            throw new InvalidOperationException($"{SecretName} refused on purpose ({patient}).");
        }
        Handled.AddOrUpdate(patient, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}

/// <summary>Retries fast (1 s, then 2 s) and gives up after two, so that a test sees both outcomes within seconds.</summary>
public abstract class FlakyConsumerApp(Provider provider) : AppFixture(provider)
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddOutboxConsumer<AppointmentBooked, FlakyConsumer>();

    protected override IEnumerable<(string Key, string Value)> ExtraSettings => [("Jobs:FirstRetryDelaySeconds", "1"), ("Jobs:RetryAttempts", "2")];
}

public sealed class FlakyConsumerSqliteApp() : FlakyConsumerApp(Provider.Sqlite);

public sealed class FlakyConsumerPostgresApp() : FlakyConsumerApp(Provider.PostgreSql);

public sealed class FlakyConsumerSqlServerApp() : FlakyConsumerApp(Provider.SqlServer), IRequiresSqlServer;

/// <summary>
/// Retries, back-off and failures are Hangfire's: each is a job state, on the dashboard with its exception's type and
/// stack trace, but never its message (it may quote a patient, and the dashboard is the Admin's).
/// </summary>
public abstract class JobRetryTests(AppFixture app)
{
    private static readonly string Consumer = typeof(FlakyConsumer).FullName!;

    [Fact]
    public async Task A_consumer_that_throws_is_retried_by_Hangfire_and_then_succeeds_and_the_failure_stays_in_the_jobs_history()
    {
        var patient = await BookAsync(failures: 1);
        Assert.True(await Sql.Eventually(() => Task.FromResult(FlakyConsumer.Handled.GetValueOrDefault(patient) == 1)), "handled after one retry");
        var message = await MessageOf(patient);
        var monitor = Storage.GetMonitoringApi();
        string? jobId = null;
        Assert.True(await Sql.Eventually(() => Task.FromResult((jobId = FindJob(monitor.SucceededJobs(0, 1000).Select(j => (j.Key, (Hangfire.Common.Job?)j.Value.Job)), message)) is not null)));
        var history = monitor.JobDetails(jobId).History;
        // Newest first: Succeeded, Processing, Enqueued, Scheduled (the back-off, naming the exception), ... Processing, Enqueued.
        Assert.Equal("Succeeded", history[0].StateName);
        Assert.Contains(history, h => h.StateName == "Scheduled" && h.Reason!.StartsWith("Retry attempt 1 of 2", StringComparison.Ordinal)
            && h.Reason.Contains(nameof(InvalidOperationException), StringComparison.Ordinal));
        AssertWithheld(history.SelectMany(h => h.Data.Values.Append(h.Reason ?? "")), patient);
        using var connection = Storage.GetConnection();
        Assert.Equal("1", connection.GetJobParameter(jobId, "RetryCount"));
        Assert.Equal(1, FlakyConsumer.Handled[patient]);
    }

    [Fact]
    public async Task A_consumer_that_keeps_failing_ends_as_a_failed_job_with_its_exception_and_an_Admin_can_retry_it_from_the_dashboard()
    {
        var patient = await BookAsync(failures: 100);
        var message = await MessageOf(patient);
        var monitor = Storage.GetMonitoringApi();
        string? jobId = null;
        Assert.True(await Sql.Eventually(() => Task.FromResult((jobId = FindJob(monitor.FailedJobs(0, 1000).Select(j => (j.Key, (Hangfire.Common.Job?)j.Value.Job)), message)) is not null), seconds: 30),
            "failed after its two retries");
        var failed = monitor.FailedJobs(0, 1000).Single(j => j.Key == jobId).Value;
        Assert.Contains(nameof(InvalidOperationException), failed.ExceptionMessage, StringComparison.Ordinal);
        Assert.Contains($"{nameof(FlakyConsumer)}.{nameof(FlakyConsumer.Handle)}", failed.ExceptionDetails, StringComparison.Ordinal); // the stack trace
        AssertWithheld([failed.ExceptionType, failed.ExceptionMessage, failed.ExceptionDetails, failed.Reason ?? ""], patient);
        Assert.Equal(0, FlakyConsumer.Handled.GetValueOrDefault(patient));

        using var desk = await app.As("Receptionist");
        Assert.Equal(HttpStatusCode.Forbidden, (await Dashboard(desk, $"/hangfire/jobs/actions/requeue/{jobId}")).StatusCode);
        using var admin = await app.As("Admin");
        var details = await (await admin.GetAsync($"/hangfire/jobs/details/{jobId}")).Content.ReadAsStringAsync();
        Assert.Contains(nameof(InvalidOperationException), details, StringComparison.Ordinal);
        AssertWithheld([details, await (await admin.GetAsync("/hangfire/jobs/failed")).Content.ReadAsStringAsync()], patient);
        Assert.Equal(HttpStatusCode.Forbidden, (await Dashboard(admin, $"/hangfire/jobs/actions/delete/{jobId}")).StatusCode);
        FlakyConsumer.FailuresLeft[patient] = 0;
        Assert.Equal(HttpStatusCode.NoContent, (await Dashboard(admin, $"/hangfire/jobs/actions/requeue/{jobId}")).StatusCode);

        Assert.True(await Sql.Eventually(() => Task.FromResult(FlakyConsumer.Handled.GetValueOrDefault(patient) == 1)), "handled once retried by the Admin");
        Assert.True(await Sql.Eventually(() => Task.FromResult(monitor.JobDetails(jobId).History[0].StateName == "Succeeded")));
    }

    private static void AssertWithheld(IEnumerable<string> shown, Guid patient)
    {
        foreach (var text in shown)
        {
            Assert.DoesNotContain("Quaxworth", text, StringComparison.Ordinal);
            Assert.DoesNotContain("refused on purpose", text, StringComparison.Ordinal);
            Assert.DoesNotContain(patient.ToString(), text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private JobStorage Storage => app.Services.GetRequiredService<JobStorage>();

    private async Task<Guid> BookAsync(int failures)
    {
        var r = await BookingSetup.Create(app, "Flaky");
        FlakyConsumer.FailuresLeft[r.Patient] = failures;
        using var desk = await app.As("Receptionist");
        await (await desk.Book(BookingSetup.Booking(r, BookingSetup.NextWeekday(11, weeksAhead: 7)))).Json(HttpStatusCode.Created);
        return r.Patient;
    }

    private async Task<Guid> MessageOf(Guid patient) =>
        await app.Database.GuidAsync($"SELECT id FROM {app.Database.Table("booking", "outbox")} WHERE payload LIKE @p", ("@p", $"%{patient}%"))
        ?? throw new InvalidOperationException("No outbox message.");

    private static string? FindJob(IEnumerable<(string Id, Hangfire.Common.Job? Job)> jobs, Guid message) =>
        jobs.FirstOrDefault(j => j.Job is { } job && job.Method.Name == nameof(OutboxJobs.DeliverAsync)
            && job.Args[1] is Guid m && m == message && (string)job.Args[2] == Consumer).Id;

    /// <summary>A dashboard command as its button sends it: a POST with the page's antiforgery token when it has one.</summary>
    private static async Task<HttpResponseMessage> Dashboard(HttpClient client, string path)
    {
        var page = await client.GetAsync("/hangfire/jobs/failed");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([]) };
        if (page.IsSuccessStatusCode)
        {
            var html = await page.Content.ReadAsStringAsync();
            var header = Regex.Match(html, "data-antiforgery-header=\"([^\"]+)\"");
            var token = Regex.Match(html, "data-antiforgery-token=\"([^\"]+)\"");
            if (header.Success && token.Success)
            {
                request.Headers.Add(header.Groups[1].Value, WebUtility.HtmlDecode(token.Groups[1].Value));
            }
        }
        return await client.SendAsync(request);
    }
}

public sealed class JobRetryTestsOnSqlite(FlakyConsumerSqliteApp app) : JobRetryTests(app), IClassFixture<FlakyConsumerSqliteApp>;

public sealed class JobRetryTestsOnPostgres(FlakyConsumerPostgresApp app) : JobRetryTests(app), IClassFixture<FlakyConsumerPostgresApp>;

public sealed class JobRetryTestsOnSqlServer(FlakyConsumerSqlServerApp app) : JobRetryTests(app), IClassFixture<FlakyConsumerSqlServerApp>;
