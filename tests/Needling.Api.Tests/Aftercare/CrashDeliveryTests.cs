using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Aftercare;

/// <summary>
/// The service is killed with SIGKILL after the session is signed, while it is in the middle of sending the aftercare
/// e-mail, and started again on the same data: the patient receives exactly one e-mail.
/// </summary>
public sealed class CrashDeliveryTests : IAsyncLifetime
{
    private const string Password = "correct-horse-battery";
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(Provider.Sqlite);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private string[] Settings(int smtpPort) =>
    [
        "--Database:Provider=Sqlite", $"--Database:ConnectionString={_db.ConnectionString}", $"--Database:DataFolder={_db.DataFolder}",
        "--Auth:SigningKey=" + Convert.ToBase64String("needling-tests-signing-key-32-bytes!!"u8.ToArray()), "--Auth:SignInAttemptsPerMinute=100000",
        "--Mail:SmtpHost=127.0.0.1", $"--Mail:SmtpPort={smtpPort}", "--Mail:Security=None", "--Mail:FromAddress=care@harbour-clinic.test",
        // A claim that a crashed sender left behind is taken again after 10 seconds, not 5 minutes, so the test is short.
        "--Mail:ClaimSeconds=10", "--Logging:LogLevel:Default=Warning",
    ];

    [Fact]
    public async Task After_a_SIGKILL_in_the_middle_of_sending_and_a_restart_the_patient_receives_exactly_one_email()
    {
        using var silent = new SilentSmtpServer();
        using var smtp = new SmtpServer();
        await ServiceProcess.RunCommandAsync(["create-admin", "--username", "admin", .. Settings(silent.Port)], new Dictionary<string, string> { ["NEEDLING_ADMIN_PASSWORD"] = Password });
        var email = $"{BookingSetup.Unique("crash")}@example.test".ToLowerInvariant();

        Guid session;
        await using (var first = await ServiceProcess.StartAsync(Settings(silent.Port)))
        {
            session = await SignASessionAsync(first.BaseAddress, email);
            // The sender has taken the message and is waiting for the server's greeting: crash it there.
            await silent.Connected.WaitAsync(TimeSpan.FromSeconds(60));
            await first.KillAsync();
        }
        Assert.Empty(smtp.Messages());

        await using var second = await ServiceProcess.StartAsync(Settings(smtp.Port));
        await smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email), TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(15)); // past the claim and several polls: no second copy may follow
        Assert.Single(smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == email));

        using var desk = await SignedIn(second.BaseAddress, "reception");
        var delivery = Assert.Single((await desk.GetOk($"/sessions/{session}/aftercare")).GetProperty("deliveries").EnumerateArray(), d => d.GetProperty("kind").GetString() == "sheet");
        Assert.Equal("sent", delivery.GetProperty("status").GetString());
        Assert.Equal(2, delivery.GetProperty("attempts").GetInt32()); // the attempt the crash cut short, and the one that went
    }

    /// <summary>A whole visit on the real clock: the clinic's zone is chosen so that it is late morning there now.</summary>
    private static async Task<Guid> SignASessionAsync(Uri service, string email)
    {
        using var admin = await SignedIn(service, "admin");
        var offset = 11 - DateTime.UtcNow.Hour;
        var zone = offset == 0 ? "Etc/UTC" : offset > 0 ? $"Etc/GMT-{offset}" : $"Etc/GMT+{-offset}";
        var allWeek = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString().ToLowerInvariant(), opens = "00:00", closes = "23:59" }).ToArray();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutMatchingAsync("/clinic", new { name = "Harbour Skin Clinic", timeZoneId = zone, openingHours = allWeek })).StatusCode);
        var practitioner = await admin.RegisterPractitioner("Dr Crash", ["microneedling-device-training"]);
        await admin.PostOk("/staff", new { username = "doc", displayName = "Dr Crash", password = Password, roles = new[] { "Practitioner" }, practitionerId = practitioner });
        await admin.PostOk("/staff", new { username = "reception", displayName = "Reception", password = Password, roles = new[] { "Receptionist" }, practitionerId = (Guid?)null });
        var room = await BookingSetup.Room(admin);
        var pen = await BookingSetup.Pen(admin);

        using var desk = await SignedIn(service, "reception");
        var patient = (await desk.PostOk("/patients", new { givenName = "Cora", familyName = "Ashford", dateOfBirth = "1987-07-07", phone = "+44 20 7946 0444", preferredLanguage = "en", email }))
            .GetProperty("patient").Id();
        await desk.AnswerScreeningAllNo(patient);
        var request = (await desk.PostOk("/consent/requests", new { patientId = patient, treatmentCode = "MN-PEN" })).Id();
        await desk.PostOk($"/consent/requests/{request}/sign", new { fullName = "Cora Ashford", signaturePng = PdfTools.SignaturePng() });
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute / 15 * 15, 0, TimeSpan.Zero).AddMinutes(75); // on the 15-minute grid, within the check-in window
        var appointment = (await (await desk.Book(new { patientId = patient, practitionerId = practitioner, roomId = room, deviceId = pen, treatmentCode = "MN-PEN", indication = "hyperpigmentation", start }))
            .Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        await desk.PostOk($"/appointments/{appointment}/check-in", new { }, HttpStatusCode.OK);
        await desk.PostOk($"/patients/{patient}/screening/confirm", new { confirmedBy = "patient", reviewed = false });

        using var doc = await SignedIn(service, "doc");
        var session = (await doc.PostOk("/sessions", new { appointmentId = appointment, areas = new[] { "cheeks", "forehead" } })).Id();
        await (await doc.PutMatchingAsync($"/sessions/{session}/record", new { record = SessionSetup.PenRecord(now) })).Json(HttpStatusCode.OK);
        await doc.PostOk($"/sessions/{session}/sign", new { }, HttpStatusCode.OK);
        return session;
    }

    private static async Task<HttpClient> SignedIn(Uri service, string username)
    {
        var client = new HttpClient { BaseAddress = service };
        var token = (await (await client.PostAsJsonAsync("/auth/token", new { username, password = Password })).Json(HttpStatusCode.OK)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
