using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Needling.Aftercare.Mail;
using Needling.Aftercare.Texts;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Aftercare;

/// <summary>
/// Two instances of the service on one server database (PostgreSQL, SQL Server), both dispatching facts, running Hangfire and sending
/// mail, the work of a day split between them as a load balancer would: 100 patients booked, reminded the day before,
/// treated and signed off, and followed up on day 2 and day 7. Each patient receives each e-mail exactly once.
/// </summary>
public abstract class DeliveryAcrossInstancesTests(MailAppFixture app, ITestOutputHelper output)
{
    private const int Chairs = 20;
    private const int Hours = 5; // 09:00 to 13:00: 100 visits
    private static readonly AftercareText En = AftercareText.For("en");

    private sealed record Booked(SessionSetup.Chair Chair, Guid Patient, string Email, Guid Appointment, DateTimeOffset Start, int Instance);

    [Fact]
    public async Task Two_instances_send_each_reminder_aftercare_sheet_and_follow_up_of_100_signed_sessions_exactly_once()
    {
        await using var second = app.AnotherInstance();
        _ = second.Server; // its own dispatch loop, Hangfire server and sender, on the same database
        var instances = new WebApplicationFactory<Program>[] { app, second };
        var setup = new SessionSetup(app);
        var day = SessionSetup.Weekday10(app.Clock.GetUtcNow().AddDays(9)).Date;

        // Twenty practitioners, each with a room and a pen; five patients each, booked at 09:00 to 13:00, half the
        // bookings through each instance.
        var chairs = new List<SessionSetup.Chair>();
        for (var c = 0; c < Chairs; c++)
        {
            chairs.Add(await setup.PractitionerAsync());
        }
        var booked = new List<Booked>();
        using (var admin = await app.As("Admin", freshToken: true))
        {
            var desks = new[] { await app.As("Receptionist", freshToken: true), await app.As("Receptionist", second) };
            for (var c = 0; c < Chairs; c++)
            {
                var room = await BookingSetup.Room(admin);
                var pen = await BookingSetup.Pen(admin);
                booked.AddRange(await Task.WhenAll(Enumerable.Range(0, Hours).Select(h => BookAsync(desks[(c + h) % 2], (c + h) % 2, chairs[c], room, pen, day.AddHours(9 + h)))));
            }
            foreach (var desk in desks)
            {
                desk.Dispose();
            }
        }
        Assert.Equal(Chairs * Hours, booked.Count);

        // The day before, past 13:00: every reminder is due.
        await MoveTo(day.AddDays(-1).AddHours(14));
        await ExpectEach(booked, IsReminder, 1, "reminder");

        // The day itself, hour by hour: check in an hour before, start, record and sign, on the instance that booked.
        for (var h = 0; h < Hours; h++)
        {
            await MoveTo(day.AddHours(8 + h));
            var wave = booked.Where(b => b.Start.Hour == 9 + h).ToList();
            await Task.WhenAll(wave.Select(b => SignAsync(instances[b.Instance], setup, b)));
            await ExpectEach(wave, IsSheet, 1, "aftercare sheet");
        }
        await ExpectEach(booked, IsSheet, 1, "aftercare sheet");

        // Day 2 and day 7 at 11:00, after the follow-ups' 10:00.
        await MoveTo(day.AddDays(2).AddHours(11));
        await ExpectEach(booked, IsFollowUp, 1, "day-2 follow-up");
        await MoveTo(day.AddDays(7).AddHours(11));
        await ExpectEach(booked, IsFollowUp, 2, "day-7 follow-up");

        // Both senders at once, past every sender's next poll: nothing more may go.
        await Task.WhenAll(Send(app.Services), Send(second.Services), Send(app.Services), Send(second.Services));
        await Task.Delay(TimeSpan.FromSeconds(6));
        var mine = Received(booked);
        var twice = mine.GroupBy(m => m.MessageId).Where(g => g.Count() > 1).Select(g => $"{g.Count()} × {g.Key}: {g.First().Subject}").ToList();
        Assert.True(twice.Count == 0, "sent more than once: " + string.Join("; ", twice));
        foreach (var b in booked)
        {
            var to = mine.Where(m => m.To.Mailboxes.Any(a => a.Address == b.Email)).ToList();
            Assert.Equal(1, to.Count(IsReminder));
            Assert.Equal(1, to.Count(IsSheet));
            Assert.Equal(2, to.Count(IsFollowUp));
        }
        output.WriteLine($"{booked.Count} patients: {mine.Count} e-mails, {mine.Count(IsReminder)} reminders, {mine.Count(IsSheet)} sheets, {mine.Count(IsFollowUp)} follow-ups");
    }

    private async Task<Booked> BookAsync(HttpClient desk, int instance, SessionSetup.Chair chair, Guid room, Guid pen, DateTime start)
    {
        var email = $"{BookingSetup.Unique("two")}@example.test".ToLowerInvariant();
        var patient = (await desk.PostOk("/patients", new
        {
            givenName = "Pat", familyName = BookingSetup.Unique("Twin"), dateOfBirth = "1985-05-05", phone = "+44 20 7946 0333", preferredLanguage = "en", email,
        })).GetProperty("patient").Id();
        await desk.AnswerScreeningAllNo(patient);
        var request = (await desk.PostOk("/consent/requests", new { patientId = patient, treatmentCode = "MN-PEN" })).Id();
        await desk.PostOk($"/consent/requests/{request}/sign", new { fullName = "Pat Twin", signaturePng = PdfTools.SignaturePng() });
        var at = new DateTimeOffset(start, TimeSpan.Zero);
        var appointment = (await (await desk.Book(new
        {
            patientId = patient, practitionerId = chair.PractitionerId, roomId = room, deviceId = pen, treatmentCode = "MN-PEN", indication = "hyperpigmentation", start = at,
        })).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        return new Booked(chair, patient, email, appointment, at, instance);
    }

    private async Task SignAsync(WebApplicationFactory<Program> instance, SessionSetup setup, Booked b)
    {
        using var desk = await app.As("Receptionist", instance);
        await desk.PostOk($"/appointments/{b.Appointment}/check-in", new { }, HttpStatusCode.OK);
        await desk.PostOk($"/patients/{b.Patient}/screening/confirm", new { confirmedBy = "patient", reviewed = false });
        using var chair = instance.CreateClient();
        chair.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.SignIn(b.Chair.Username, AppFixture.Password));
        var visit = new SessionSetup.Visit(b.Chair, b.Patient, b.Appointment, b.Start, null);
        await setup.SignedSessionAsync(chair, visit);
    }

    /// <summary>
    /// Moves both instances' clock (they share it) and renews the fixture's tokens, which the move may have expired.
    /// First it waits for every e-mail being sent to be recorded as sent: a sender's claim lasts Mail:ClaimSeconds on
    /// that clock, and a jump of hours in the middle of an SMTP conversation would hand the claim to the other instance
    /// (real clocks do not jump; this one does, so the test must not test its own artefact).
    /// </summary>
    private async Task MoveTo(DateTime utc)
    {
        Assert.True(await Sql.Eventually(async () => await app.Database.ScalarAsync($"SELECT count(*) FROM {app.Database.Table("aftercare", "deliveries")} WHERE status = 'sending'") == 0, seconds: 60),
            "a sender still holds a claim");
        var by = new DateTimeOffset(utc, TimeSpan.Zero) - app.Clock.GetUtcNow();
        Assert.True(by >= TimeSpan.Zero, "the clock only moves forward");
        app.Clock.Advance(by);
        (await app.As("Receptionist", freshToken: true)).Dispose();
    }

    private async Task ExpectEach(List<Booked> booked, Func<MimeMessage, bool> kind, int count, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        var waiting = booked.Count;
        while (DateTime.UtcNow < deadline)
        {
            var mine = Received(booked).Where(kind).ToList();
            waiting = booked.Count(b => mine.Count(m => m.To.Mailboxes.Any(a => a.Address == b.Email)) < count);
            if (waiting == 0)
            {
                return;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"{waiting} of {booked.Count} patients did not receive their {what} within 120 s.");
    }

    private static bool IsReminder(MimeMessage m) => Starts(m, En.Reminder.Subject);

    private static bool IsSheet(MimeMessage m) => Starts(m, En.Email.Subject);

    private static bool IsFollowUp(MimeMessage m) => Starts(m, En.FollowUp.Subject);

    private static bool Starts(MimeMessage m, string subjectTemplate) =>
        (m.Subject ?? "").StartsWith(subjectTemplate.Split('{')[0], StringComparison.Ordinal);

    private List<MimeMessage> Received(List<Booked> booked)
    {
        var emails = booked.Select(p => p.Email).ToHashSet();
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

public sealed class DeliveryAcrossInstancesTestsOnPostgres(PostgresMailApp app, ITestOutputHelper output)
    : DeliveryAcrossInstancesTests(app, output), IClassFixture<PostgresMailApp>;

public sealed class DeliveryAcrossInstancesTestsOnSqlServer(SqlServerMailApp app, ITestOutputHelper output)
    : DeliveryAcrossInstancesTests(app, output), IClassFixture<SqlServerMailApp>;
