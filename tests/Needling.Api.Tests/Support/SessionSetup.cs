using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Needling.Api.Tests.Support;

/// <summary>
/// The way to the chair, through the API as a clinic goes it: a practitioner with an account linked to their
/// practitioner record, a patient with a signed consent, an appointment booked a week ahead, the service's
/// clock moved to an hour before it, and the patient checked in. The clock only moves forward.
/// </summary>
public sealed class SessionSetup(AppFixture app)
{
    public sealed record Chair(Guid PractitionerId, string Username);

    public sealed record Visit(Chair Chair, Guid Patient, Guid Appointment, DateTimeOffset Start, Guid? Consent);

    public AppFixture App => app;

    /// <summary>A practitioner record and a staff account (role Practitioner) that acts as it.</summary>
    public async Task<Chair> PractitionerAsync(params string[] qualifications)
    {
        using var admin = await app.As("Admin", freshToken: true);
        var id = await admin.RegisterPractitioner(BookingSetup.Unique("Dr"),
            qualifications.Length > 0 ? qualifications : ["microneedling-device-training", "dry-needling-certification", "physician"]);
        var username = BookingSetup.Unique("chair").ToLowerInvariant();
        await admin.PostOk("/staff", new { username, displayName = "Dr Chair", password = AppFixture.Password, roles = new[] { "Practitioner" }, practitionerId = id });
        return new Chair(id, username);
    }

    /// <summary>A client signed in as the chair's account now (tokens are judged by the service's clock).</summary>
    public async Task<HttpClient> SignedIn(Chair chair)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.SignIn(chair.Username, AppFixture.Password));
        return client;
    }

    public async Task<Guid> SignedConsentAsync(Guid patient, string treatment = "MN-PEN")
    {
        using var desk = await app.As("Receptionist", freshToken: true);
        var request = (await desk.PostOk("/consent/requests", new { patientId = patient, treatmentCode = treatment })).Id();
        return (await desk.PostOk($"/consent/requests/{request}/sign", new { fullName = "Patient Signing", signaturePng = PdfTools.SignaturePng() })).Id();
    }

    /// <summary>Books a week ahead, moves the clock to an hour before, and checks the patient in.</summary>
    public async Task<Visit> CheckedInAsync(Chair? chair = null, Guid? patient = null, bool consent = true, string treatment = "MN-PEN",
        string indication = "hyperpigmentation", int daysAhead = 7, bool checkIn = true, DayOfWeek? day = null, int hoursBefore = 1,
        bool confirmScreening = true)
    {
        chair ??= await PractitionerAsync();
        Guid? consentId = null;
        using (var admin = await app.As("Admin", freshToken: true))
        using (var desk = await app.As("Receptionist", freshToken: true))
        {
            patient ??= await desk.RegisterPatient("Chair", BookingSetup.Unique("Side"));
            if (consent)
            {
                consentId = await SignedConsentAsync(patient.Value, treatment);
            }
            var start = Weekday10(app.Clock.GetUtcNow().AddDays(daysAhead), day);
            var booking = new
            {
                patientId = patient, practitionerId = chair.PractitionerId, roomId = await BookingSetup.Room(admin),
                deviceId = treatment is "MN-PEN" ? await BookingSetup.Pen(admin) : (Guid?)null,
                treatmentCode = treatment, indication, start,
            };
            var appointment = (await (await desk.Book(booking)).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
            var visit = new Visit(chair, patient.Value, appointment, start, consentId);
            app.Clock.Advance(start - app.Clock.GetUtcNow() - TimeSpan.FromHours(hoursBefore));
            if (checkIn)
            {
                await CheckInAsync(visit, confirmScreening);
            }
            return visit;
        }
    }

    /// <summary>Checks the patient in and goes through the screening answers with them, as the front desk does.</summary>
    public async Task CheckInAsync(Visit visit, bool confirmScreening = true)
    {
        using var desk = await app.As("Receptionist", freshToken: true);
        await desk.PostOk($"/appointments/{visit.Appointment}/check-in", new { }, HttpStatusCode.OK);
        if (confirmScreening)
        {
            await desk.PostOk($"/patients/{visit.Patient}/screening/confirm", new { confirmedBy = "patient", reviewed = false });
        }
    }

    /// <summary>10:00 UTC on the first Monday-to-Friday (or the given day) on or after the date (the test clinic runs on UTC).</summary>
    public static DateTimeOffset Weekday10(DateTimeOffset from, DayOfWeek? day = null)
    {
        var d = from.UtcDateTime.Date;
        while (day is { } wanted ? d.DayOfWeek != wanted : d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            d = d.AddDays(1);
        }
        return new DateTimeOffset(d.AddHours(10), TimeSpan.Zero);
    }

    public static object Start(Visit v, string[]? areas = null, object[]? overrides = null) =>
        new { appointmentId = v.Appointment, areas = areas ?? ["cheeks", "forehead"], overrides = overrides ?? [] };

    /// <summary>A complete pen record for the hyperpigmentation protocol: depths inside the chart's ranges.</summary>
    public static object PenRecord(DateTimeOffset now, decimal cheeksDepth = 0.75m, string? adverse = null, string lotExpires = "") => new
    {
        areas = new object[] { new { area = "cheeks", depthMm = cheeksDepth, passes = 3 }, new { area = "forehead", depthMm = 0.5m, passes = 2 } },
        sterileItem = new { kind = "cartridge", product = "12-pin cartridge", lot = "CT-2291", expiresOn = lotExpires.Length > 0 ? lotExpires : now.AddYears(1).ToString("yyyy-MM-dd") },
        needles = new { pins = 12, lengthMm = 0.75m, gauge = "33G" },
        skinPreparation = "Cleansed; chlorhexidine 0.05%",
        anaesthetic = new { product = "Lidocaine cream", strength = "4%", minutesOnSkin = 30 },
        endpoint = "even-erythema",
        adverseEvents = adverse is null ? Array.Empty<object>() : [new { type = adverse, severity = "mild", actionTaken = "Cold compress for 10 minutes" }],
        painScore = 3,
        homeTopicals = new[] { new { product = "Hyaluronic acid serum", strength = "1%", frequency = "twice a day", duration = "5 days" } },
        photosTaken = true,
        note = "Tolerated well.",
    };

    public static async Task<JsonElement> StartOk(HttpClient chair, Visit v, string[]? areas = null, object[]? overrides = null) =>
        await (await chair.PostAsJsonAsync("/sessions", Start(v, areas, overrides))).Json(HttpStatusCode.Created);

    /// <summary>Starts, records a complete pen record and signs; returns the signed session.</summary>
    public async Task<JsonElement> SignedSessionAsync(HttpClient chair, Visit v, string? adverse = null)
    {
        var session = (await StartOk(chair, v)).Id();
        await (await chair.PutMatchingAsync($"/sessions/{session}/record", new { record = PenRecord(app.Clock.GetUtcNow(), adverse: adverse) })).Json(HttpStatusCode.OK);
        return await chair.PostOk($"/sessions/{session}/sign", new { }, HttpStatusCode.OK);
    }
}
