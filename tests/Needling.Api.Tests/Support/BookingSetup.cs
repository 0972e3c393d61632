using System.Net.Http.Json;

namespace Needling.Api.Tests.Support;

/// <summary>Creates what a booking needs (practitioner, room, device, patient) through the API, as a clinic would.</summary>
public static class BookingSetup
{
    public sealed record Resources(Guid Practitioner, Guid Room, Guid Device, Guid Patient);

    private static int _counter;

    /// <summary>A date-time on a weekday at least a week ahead, at the given UTC hour (the test clinic runs on UTC).</summary>
    public static DateTimeOffset NextWeekday(int hourUtc, int weeksAhead = 1, DayOfWeek day = DayOfWeek.Tuesday, DateTimeOffset? from = null)
    {
        var d = (from ?? DateTimeOffset.UtcNow).UtcDateTime.Date.AddDays(7 * weeksAhead);
        while (d.DayOfWeek != day)
        {
            d = d.AddDays(1);
        }
        return new DateTimeOffset(d.AddHours(hourUtc), TimeSpan.Zero);
    }

    public static string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";

    public static async Task<Guid> Room(HttpClient admin) => (await admin.PostOk("/rooms", new { name = Unique("Room") })).Id();

    public static async Task<Guid> Pen(HttpClient admin) =>
        (await admin.PostOk("/devices", new { name = "Pen", kind = "microneedling-pen", serial = Unique("SN") })).Id();

    public static async Task<Resources> Create(AppFixture app, string family = "Booked")
    {
        using var admin = await app.As("Admin");
        using var desk = await app.As("Receptionist");
        return new Resources(
            await admin.RegisterPractitioner(Unique("Dr"), ["microneedling-device-training", "dry-needling-certification", "physician"]),
            await Room(admin),
            await Pen(admin),
            await desk.RegisterPatient("Pat", Unique(family)));
    }

    public static object Booking(Resources r, DateTimeOffset start, string treatment = "MN-PEN", string indication = "hyperpigmentation") => new
    {
        patientId = r.Patient, practitionerId = r.Practitioner, roomId = r.Room, deviceId = treatment.StartsWith("MN-PEN", StringComparison.Ordinal) ? r.Device : (Guid?)null,
        treatmentCode = treatment, indication, start,
    };

    public static Task<HttpResponseMessage> Book(this HttpClient desk, object booking, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/appointments") { Content = JsonContent.Create(booking) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return desk.SendAsync(request);
    }
}
