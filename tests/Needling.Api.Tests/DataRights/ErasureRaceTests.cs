using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Needling.Api.Tests.Support;
using Needling.SharedKernel.Outbox;

namespace Needling.Api.Tests.DataRights;

/// <summary>
/// A fact can still be on its way through an outbox when a patient is erased. What it would have set off (a consent
/// request, a reminder, a signing link) must not appear afterwards, and a message queued before the erasure is
/// cancelled, not sent. A patient who comes back after an erasure is booked, asked and reminded as anyone else.
/// </summary>
public abstract class ErasureRaceTests(MailAppFixture app)
{
    [Fact]
    public async Task A_booking_still_on_its_way_when_the_patient_is_erased_opens_no_request_and_queues_no_message()
    {
        var (patient, email, appointment) = await BookedWithContactAsync("Raced");
        Assert.True(await Background.SettledAsync(app), "the booking's background work should have finished before the erasure");
        // The booking's fact and the consent request's fact, as they would be if their consumers had not run yet:
        // copies with new ids (so no inbox has seen them), same payload and time, left for this test to deliver.
        var booked = await CopyFactAsync("booking", $"%{appointment}%");
        var requested = await CopyFactAsync("consent", $"%{patient}%");

        using var practitioner = await DataRightsVisit.SignedIn(app, "Practitioner");
        Assert.Equal("completed", (await (await DataRightsVisit.Erase(practitioner, patient)).Json(HttpStatusCode.OK)).GetProperty("status").GetString());

        await DeliverAsync("booking", booked, typeof(Needling.Consent.Integration.RequestConsentWhenBooked));
        await DeliverAsync("booking", booked, typeof(Needling.Aftercare.Reminders.RemindWhenBooked));
        await DeliverAsync("consent", requested, typeof(Needling.Aftercare.ConsentLinks.EmailConsentLink));
        await SendDueAsync();

        // Each consumer handled its copy (so the checks below are about what it did, not whether it ran) ...
        Assert.Equal(2, await app.Database.ScalarAsync($"SELECT count(*) FROM {Table("aftercare", "inbox")} WHERE message_id IN (@b, @r)", ("@b", booked), ("@r", requested)));
        Assert.Equal(1, await app.Database.ScalarAsync($"SELECT count(*) FROM {Table("consent", "inbox")} WHERE message_id = @b", ("@b", booked)));
        // ... and left nothing about the erased patient, and nothing went to their address.
        foreach (var (schema, table) in new[] { ("consent", "requests"), ("consent", "upcoming_appointments"), ("aftercare", "deliveries") })
        {
            Assert.Equal(0, await app.Database.ScalarAsync($"SELECT count(*) FROM {Table(schema, table)} WHERE patient_id = @p", ("@p", patient)));
        }
        Assert.DoesNotContain(app.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == email));
    }

    [Fact]
    public async Task A_reminder_queued_before_an_erasure_under_way_is_cancelled_not_sent_though_the_address_is_still_on_record()
    {
        var (patient, email, _) = await BookedWithContactAsync("Midway");
        var deliveries = Table("aftercare", "deliveries");
        Assert.True(await Sql.Eventually(async () => await app.Database.ScalarAsync(
            $"SELECT count(*) FROM {deliveries} WHERE patient_id = @p AND kind = 'reminder' AND status = 'pending'", ("@p", patient)) == 1, seconds: 60));
        // An erasure under way: requested, Aftercare's part (cancelling what was pending) already run, the contact
        // details (Patients' part, the last) not yet gone. The reminder came from a fact that was still on its way.
        await InsertErasureAsync(patient, "in-progress", app.Clock.GetUtcNow().UtcDateTime);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.Database.ExecuteAsync($"UPDATE {deliveries} SET due_at_utc = @due WHERE patient_id = @p AND kind = 'reminder'", ("@due", now.AddMinutes(-1)), ("@p", patient));

        await SendDueAsync();

        Assert.True(await Sql.Eventually(async () => await app.Database.ScalarAsync(
            $"SELECT count(*) FROM {deliveries} WHERE patient_id = @p AND kind = 'reminder' AND status = 'cancelled'", ("@p", patient)) == 1, seconds: 30));
        Assert.Equal(0, await app.Database.ScalarAsync($"SELECT count(*) FROM {deliveries} WHERE patient_id = @p AND status = 'sent'", ("@p", patient)));
        Assert.DoesNotContain(app.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == email));
    }

    [Fact]
    public async Task A_patient_who_comes_back_after_an_erasure_is_asked_for_consent_and_reminded_of_a_new_booking()
    {
        var family = BookingSetup.Unique("Returned");
        var patient = await DataRightsVisit.RegisterWithContactAsync(app, family, $"{family}@example.test".ToLowerInvariant());
        // Erased yesterday with a clinical record kept, so still on record; booked again today.
        await InsertErasureAsync(patient, "completed", app.Clock.GetUtcNow().UtcDateTime.AddDays(-1));

        await BookAsync(patient);

        Assert.True(await Sql.Eventually(async () => await app.Database.ScalarAsync(
            $"SELECT count(*) FROM {Table("aftercare", "deliveries")} WHERE patient_id = @p AND kind = 'reminder' AND status = 'pending'", ("@p", patient)) == 1, seconds: 60));
        Assert.True(await Sql.Eventually(async () => await app.Database.ScalarAsync(
            $"SELECT count(*) FROM {Table("consent", "requests")} WHERE patient_id = @p", ("@p", patient)) == 1, seconds: 60));
    }

    private async Task<(Guid Patient, string Email, Guid Appointment)> BookedWithContactAsync(string prefix)
    {
        var family = BookingSetup.Unique(prefix);
        var email = $"{family}@example.test".ToLowerInvariant();
        var patient = await DataRightsVisit.RegisterWithContactAsync(app, family, email);
        return (patient, email, await BookAsync(patient));
    }

    /// <summary>Three weeks ahead, no consent signed: Consent opens a request, Aftercare queues a reminder and a signing link.</summary>
    private async Task<Guid> BookAsync(Guid patient)
    {
        var r = await BookingSetup.Create(app, "RaceDesk");
        using var desk = await app.As("Receptionist", freshToken: true);
        var start = BookingSetup.NextWeekday(10, weeksAhead: 3, from: app.Clock.GetUtcNow());
        return (await (await desk.Book(BookingSetup.Booking(r with { Patient = patient }, start))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
    }

    private async Task<Guid> CopyFactAsync(string module, string payloadLike)
    {
        var outbox = Table(module, "outbox");
        var original = await app.Database.GuidAsync($"SELECT id FROM {outbox} WHERE payload LIKE @p", ("@p", payloadLike))
            ?? throw new InvalidOperationException($"No {module} fact matches {payloadLike}.");
        var copy = Guid.CreateVersion7();
        Assert.Equal(1, await app.Database.ExecuteAsync(
            $"INSERT INTO {outbox} (id, type, payload, occurred_at_utc, processed_at_utc) SELECT @copy, type, payload, occurred_at_utc, occurred_at_utc FROM {outbox} WHERE id = @id",
            ("@copy", copy), ("@id", original)));
        return copy;
    }

    private async Task DeliverAsync(string module, Guid message, Type consumer)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<OutboxJobs>(scope.ServiceProvider).DeliverAsync(module, message, consumer.FullName!, CancellationToken.None);
    }

    private async Task SendDueAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Needling.Aftercare.Mail.DeliverySender>().SendDueAsync(CancellationToken.None);
    }

    private Task InsertErasureAsync(Guid patient, string status, DateTime requestedAtUtc) => app.Database.ExecuteAsync(
        $"INSERT INTO {Table("patients", "erasures")} (id, patient_id, reason, requested_by, requested_at_utc, status, parts_json) VALUES (@id, @p, 'Asked in writing', 'test', @at, @status, '[]')",
        ("@id", Guid.CreateVersion7()), ("@p", patient), ("@at", requestedAtUtc), ("@status", status));

    private string Table(string schema, string table) => app.Database.Table(schema, table);
}

public sealed class ErasureRaceTestsOnSqlite(SqliteMailApp app) : ErasureRaceTests(app), IClassFixture<SqliteMailApp>;

public sealed class ErasureRaceTestsOnPostgres(PostgresMailApp app) : ErasureRaceTests(app), IClassFixture<PostgresMailApp>;

public sealed class ErasureRaceTestsOnSqlServer(SqlServerMailApp app) : ErasureRaceTests(app), IClassFixture<SqlServerMailApp>;
