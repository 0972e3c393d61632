using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Needling.Load;

/// <summary>
/// The way to a session ready to sign, through the API on the real clock, as CrashDeliveryTests.SignASessionAsync goes it:
/// the clinic in a time zone where it is late morning now, open all week; per lane a practitioner (microneedling-device
/// training) with a Practitioner account, a room and a pen, and two visits an hour apart within the check-in window; per
/// visit a patient with an e-mail address, a signed consent, a booking, the check-in, the screening reconfirmed today, the
/// session started and its record saved. Not signed: that is the measured step.
/// </summary>
internal sealed class AftercareVisits(HttpClient[] instances, string adminToken)
{
    // The questions of src/Needling.ClinicalRules/Defaults/screening-questions.json, answered "no" (Fitzpatrick: type I).
    private static readonly object[] AllNo =
    [
        .. new[] { "cold-sore-now", "cold-sore-history", "vitiligo", "sunburn-tan", "immunosuppression", "filler-botox", "diabetes",
            "pacemaker", "blood-thinner", "bleeding-disorder", "pregnant", "guardian-consent" }.Select(q => (object)new { question = q, value = "no" }),
        new { question = "fitzpatrick", value = "I" },
    ];

    public const string Password = "load-aftercare-passphrase-1";
    private const int VisitsPerLane = 2;
    private const int Workers = 8;

    // A 300x100 PNG stroke, as a tablet sends a drawn signature (the tests' PdfTools.SignaturePng).
    private const string Signature = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAASwAAABkCAYAAAA8AQ3AAAACQUlEQVR42u3dS07DAAwE0Kx7Eu5/wbKvkEo/UeyZ9ySWoNgzmGbFcQAAAAAAAAAAAAAAAAAAAAAAAAAAAACw0e32c3/2ZUsyhPElV3oZwrqSK3xWhnJkbdHP/D5kCF8p+lU/AxnCv0s64ZeGazM84+fBMbmYCi9DODYVUuFlCKuKqPAyhFUFVPacDOVIdNEdLRnCytIpvAxhTdm8VmQcDBlSUzJlz8lQjlQUTNn3702GVJVL4WUIa0rltSLjMMiQmjIpu4MFq8qk8DKEVSVS9owM5UjFEVB2BwtFv3tmGXpmlMZz24XXe5Td0ZIhim4G85sBJTGHVyoZUl6S1sLLEEX3SUOGMkQx/AKbV4YoRV3hZYhjZT6fkGWIMpjRfGZECeo+gciQqoPlOJvLrAjfzOYxM0I3d/MrkoPlYJndHGb3B0fYiiJDO5Chq67sDpYMhWwXntsuPLcl2YcMvTHI0KK6diJDGQrVblbsRoYyFCb+yagMvb4K045kaEcytKS6XclQhsJjxb5k+N6+Ju1s4jMJztFysOxMhpbUuzsZylBYrPh0KsP9O5ShJVUcLa/zMhQQK46/DPfvU4aWVHG0ZJjxh0eGih5feBlmHBEZKnr8jmWYcbRkqOjxu5bhNRl+c99n/dxRi1N0hZdhVoaxOX4yXMWCwgsvw4yjVZPjO4M+fo+iz8nvlSxkuP9wVWb4V+lf+VI3GSLD8ctSMRky42hZmOXEl96mZAgAAAAAAAAAAAAAAAAAAAAAAAAAAAAQ6BdVTb/y5hQcewAAAABJRU5ErkJggg==";

    /// <summary>A session recorded and waiting for its practitioner's signature; <paramref name="Instance"/> is where it is signed.</summary>
    public sealed record Ready(int Index, Guid Session, string SessionETag, Guid Patient, string Email, string PractitionerToken, int Instance);

    /// <summary>The clinic's time zone (an Etc/GMT zone where it is about 11:00 now) and its hours: every day, 00:00-23:59.</summary>
    public async Task<string> ClinicAsync(CancellationToken ct)
    {
        var offset = 11 - DateTime.UtcNow.Hour;
        var zone = offset == 0 ? "Etc/UTC" : offset > 0 ? $"Etc/GMT-{offset}" : $"Etc/GMT+{-offset}";
        var allWeek = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString().ToLowerInvariant(), opens = "00:00", closes = "23:59" }).ToArray();
        await SendAsync(instances[0], HttpMethod.Put, "clinic", new { name = "Harbour Skin Clinic", timeZoneId = zone, openingHours = allWeek }, adminToken, ct,
            ifMatch: await ETagAsync(instances[0], "clinic", adminToken, ct));
        return zone;
    }

    /// <summary>Prepares <paramref name="count"/> sessions from <see cref="Workers"/> workers, alternating the instances.</summary>
    public async Task<List<Ready>> PrepareAsync(int count, CancellationToken ct)
    {
        await SendAsync(instances[0], HttpMethod.Post, "staff",
            new { username = "reception", displayName = "Load Reception", password = Password, roles = new[] { "Receptionist" }, practitionerId = (Guid?)null }, adminToken, ct);
        var desk = await SignInAsync(instances[0], "reception", ct);
        var lanes = (count + VisitsPerLane - 1) / VisitsPerLane;
        var next = -1;
        var ready = new List<Ready>();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            int lane;
            while ((lane = Interlocked.Increment(ref next)) < lanes)
            {
                var visits = await LaneAsync(lane, Math.Min(VisitsPerLane, count - lane * VisitsPerLane), desk, ct);
                lock (ready)
                {
                    ready.AddRange(visits);
                }
            }
        }, ct)));
        return [.. ready.OrderBy(r => r.Index)];
    }

    private async Task<List<Ready>> LaneAsync(int lane, int visits, string desk, CancellationToken ct)
    {
        var admin = instances[lane % instances.Length];
        var practitioner = Id(await SendAsync(admin, HttpMethod.Post, "practitioners", new
        {
            displayName = $"Dr Aftercare {lane + 1}",
            profession = "Physician",
            licenceExpiresOn = "2099-12-31",
            qualifications = new[] { new { code = "microneedling-device-training" } },
        }, adminToken, ct));
        var username = $"doc{lane + 1}";
        await SendAsync(admin, HttpMethod.Post, "staff",
            new { username, displayName = $"Dr Aftercare {lane + 1}", password = Password, roles = new[] { "Practitioner" }, practitionerId = practitioner }, adminToken, ct);
        var room = Id(await SendAsync(admin, HttpMethod.Post, "rooms", new { name = $"Aftercare room {lane + 1}" }, adminToken, ct));
        var pen = Id(await SendAsync(admin, HttpMethod.Post, "devices", new { name = $"Aftercare pen {lane + 1}", kind = "microneedling-pen", serial = $"AFT-{lane + 1:000}" }, adminToken, ct));
        var doc = await SignInAsync(admin, username, ct);

        // MN-PEN takes 60 minutes: the lane's visits one after the other, the last starting within the 2-hour check-in window.
        var now = DateTimeOffset.UtcNow;
        var first = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute / 15 * 15, 0, TimeSpan.Zero).AddMinutes(30); // the clinic's 15-minute grid
        var ready = new List<Ready>();
        for (var v = 0; v < visits; v++)
        {
            var index = lane * VisitsPerLane + v;
            var http = instances[index % instances.Length];
            var email = $"aftercare.{index + 1}@example.test";
            var patient = (await SendAsync(http, HttpMethod.Post, "patients", new
            {
                givenName = "Pat", familyName = $"Aftercare{index + 1}", dateOfBirth = "1988-03-04",
                // Ofcom's numbers for drama and the reserved example.test domain: never a real person.
                phone = "07700 900123", preferredLanguage = "en", email,
            }, desk, ct)).GetProperty("patient").GetProperty("id").GetGuid();
            // Every screening question answered: an unanswered one leaves the session start "screening incomplete".
            await SendAsync(http, HttpMethod.Post, $"patients/{patient}/screening/answers", new { givenBy = "patient", answers = AllNo }, desk, ct);
            var request = Id(await SendAsync(http, HttpMethod.Post, "consent/requests", new { patientId = patient, treatmentCode = "MN-PEN" }, desk, ct));
            await SendAsync(http, HttpMethod.Post, $"consent/requests/{request}/sign", new { fullName = $"Pat Aftercare{index + 1}", signaturePng = Signature }, desk, ct);
            var appointment = (await SendAsync(http, HttpMethod.Post, "appointments", new
            {
                patientId = patient, practitionerId = practitioner, roomId = room, deviceId = pen, treatmentCode = "MN-PEN", indication = "hyperpigmentation",
                start = first.AddMinutes(60 * v),
            }, desk, ct)).GetProperty("appointment").GetProperty("id").GetGuid();
            await SendAsync(http, HttpMethod.Post, $"appointments/{appointment}/check-in", new { }, desk, ct);
            await SendAsync(http, HttpMethod.Post, $"patients/{patient}/screening/confirm", new { confirmedBy = "patient", reviewed = false }, desk, ct,
                ifMatch: await ETagAsync(http, $"patients/{patient}/screening", desk, ct));
            var started = await SendAsync(http, HttpMethod.Post, "sessions", new { appointmentId = appointment, areas = new[] { "cheeks", "forehead" } }, doc, ct);
            var session = Id(started);
            var recorded = await SendAsync(http, HttpMethod.Put, $"sessions/{session}/record", new { record = PenRecord(now) }, doc, ct, ifMatch: VersionTag(started));
            ready.Add(new Ready(index, session, VersionTag(recorded), patient, email, doc, index % instances.Length));
        }
        return ready;
    }

    /// <summary>A complete pen record for the hyperpigmentation protocol (the tests' SessionSetup.PenRecord): depths inside the chart's ranges.</summary>
    private static object PenRecord(DateTimeOffset now) => new
    {
        areas = new object[] { new { area = "cheeks", depthMm = 0.75m, passes = 3 }, new { area = "forehead", depthMm = 0.5m, passes = 2 } },
        sterileItem = new { kind = "cartridge", product = "12-pin cartridge", lot = "CT-2291", expiresOn = now.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        needles = new { pins = 12, lengthMm = 0.75m, gauge = "33G" },
        skinPreparation = "Cleansed; chlorhexidine 0.05%",
        anaesthetic = new { product = "Lidocaine cream", strength = "4%", minutesOnSkin = 30 },
        endpoint = "even-erythema",
        adverseEvents = Array.Empty<object>(),
        painScore = 3,
        homeTopicals = new[] { new { product = "Hyaluronic acid serum", strength = "1%", frequency = "twice a day", duration = "5 days" } },
        photosTaken = true,
        note = "Tolerated well.",
    };

    public static async Task<string> SignInAsync(HttpClient http, string username, CancellationToken ct, string password = Password)
    {
        using var response = await http.PostAsJsonAsync("auth/token", new { username, password }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-in as {username} answered {(int)response.StatusCode}: {body}");
        }
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();

    /// <summary>The ETag of the record shown: its version in quotes, as the answer's ETag header has it.</summary>
    private static string VersionTag(JsonElement e) => $"\"{e.GetProperty("version").GetInt32()}\"";

    /// <summary>The ETag of GET /<paramref name="path"/>: what a change of it sends as If-Match.</summary>
    private static async Task<string> ETagAsync(HttpClient http, string path, string token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag?.Tag ?? throw new InvalidOperationException($"GET /{path} sent no ETag.");
    }

    /// <summary>Sends and expects 2xx; returns the JSON body (an empty object for 204).</summary>
    private static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, object body, string token, CancellationToken ct, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, body.GetType()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} /{path} answered {(int)response.StatusCode}: {text}");
        }
        using var doc = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return doc.RootElement.Clone();
    }
}
