using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Needling.Aftercare.Data;
using Needling.Aftercare.Domain;
using Needling.Aftercare.Mail;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Aftercare;

/// <summary>
/// Two instances of the service on one PostgreSQL database, both sending: every queued message reaches the SMTP
/// server exactly once (each claim is a conditional update that only one instance wins).
/// </summary>
public sealed class DeliveryAcrossInstancesTests(PostgresMailApp app) : IClassFixture<PostgresMailApp>
{
    [Fact]
    public async Task Two_instances_deliver_each_of_100_aftercare_emails_exactly_once()
    {
        using var desk = await app.As("Receptionist");
        var patients = new List<(Guid Id, string Email)>();
        for (var i = 0; i < 100; i++)
        {
            var email = $"{BookingSetup.Unique("twice")}@example.test".ToLowerInvariant();
            var id = (await desk.PostOk("/patients", new { givenName = "Pat", familyName = BookingSetup.Unique("Twin"), dateOfBirth = "1985-05-05", phone = "+44 20 7946 0333", preferredLanguage = "en", email }))
                .GetProperty("patient").Id();
            patients.Add((id, email));
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Sheets as signing leaves them (the sheet's content is the subject of other tests), all due now.
            var db = scope.ServiceProvider.GetRequiredService<AftercareDbContext>();
            var queue = scope.ServiceProvider.GetRequiredService<DeliveryQueue>();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            foreach (var (patient, _) in patients)
            {
                var session = Guid.NewGuid();
                db.Sheets.Add(new AftercareSheet
                {
                    SessionId = session, AppointmentId = Guid.NewGuid(), PatientId = patient, PractitionerId = Guid.NewGuid(), TreatmentCode = "MN-PEN",
                    Language = "en", PerformedAtUtc = now, Pdf = "%PDF-1.4 test"u8.ToArray(), PdfSha256 = new string('0', 64), CreatedAtUtc = now,
                });
                queue.Add(DeliveryKind.Sheet, session, patient, now, hasAddress: true, now);
            }
            await db.SaveChangesAsync();
        }

        await using var second = app.AnotherInstance();
        _ = second.Server; // starts its own sender on the same database
        // Both senders at once, as well as their own loops.
        await Task.WhenAll(Send(app.Services), Send(second.Services), Send(app.Services), Send(second.Services));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && Received(patients).Count < 100)
        {
            await Task.Delay(200);
        }
        await Task.Delay(TimeSpan.FromSeconds(6)); // past every sender's next poll: nothing more may arrive
        var received = Received(patients);
        Assert.Equal(100, received.Count);
        Assert.All(received.GroupBy(m => m.MessageId), g => Assert.Single(g));
        Assert.Equal(100, received.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
    }

    private List<MimeKit.MimeMessage> Received(List<(Guid Id, string Email)> patients)
    {
        var emails = patients.Select(p => p.Email).ToHashSet();
        return app.Smtp.Messages().Where(m => m.To.Mailboxes.Any(a => emails.Contains(a.Address))).ToList();
    }

    private static async Task Send(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        while (await scope.ServiceProvider.GetRequiredService<DeliverySender>().SendDueAsync(CancellationToken.None) > 0)
        {
        }
    }
}
