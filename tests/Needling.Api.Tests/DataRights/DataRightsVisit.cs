using System.Net;
using System.Net.Http.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.DataRights;

/// <summary>A patient with contact details who booked, signed a consent, had a pen session signed and got the aftercare sheet.</summary>
internal sealed record DataRightsVisit(SessionSetup.Visit Visit, Guid Session, string FamilyName, string Email, Guid NextAppointment)
{
    public static async Task<Guid> RegisterWithContactAsync(AppFixture app, string family, string email)
    {
        using var desk = await app.As("Receptionist", freshToken: true);
        var created = await desk.PostOk("/patients", new { givenName = "Ines", familyName = family, dateOfBirth = "1987-03-09", phone = "+44 20 7946 0123", email, preferredLanguage = "en" });
        var id = created.GetProperty("patient").Id();
        await desk.AnswerScreeningAllNo(id);
        return id;
    }

    public static async Task<DataRightsVisit> TreatedAsync(AppFixture app)
    {
        var family = BookingSetup.Unique("Treated");
        var email = $"{family}@example.test".ToLowerInvariant();
        var setup = new SessionSetup(app);
        var v = await setup.CheckedInAsync(patient: await RegisterWithContactAsync(app, family, email));
        using var chair = await setup.SignedIn(v.Chair);
        var session = (await setup.SignedSessionAsync(chair, v)).Id();
        using var desk = await app.As("Receptionist", freshToken: true);
        Assert.True(await Sql.Eventually(async () => (await desk.GetAsync($"/sessions/{session}/aftercare")).StatusCode == HttpStatusCode.OK),
            "No aftercare sheet was written for the signed session.");
        // The next visit, six weeks ahead: a reminder waits for it.
        using var admin = await app.As("Admin", freshToken: true);
        var next = await (await desk.Book(new
        {
            patientId = v.Patient, practitionerId = v.Chair.PractitionerId, roomId = await BookingSetup.Room(admin), deviceId = await BookingSetup.Pen(admin),
            treatmentCode = "MN-PEN", indication = "hyperpigmentation", start = SessionSetup.Weekday10(app.Clock.GetUtcNow().AddDays(42)),
        })).Json(HttpStatusCode.Created);
        return new DataRightsVisit(v, session, family, email, next.GetProperty("appointment").Id());
    }

    /// <summary>Someone who booked and signed a consent but was never treated.</summary>
    public static async Task<(SessionSetup.Visit Visit, string FamilyName, string Email)> NeverTreatedAsync(AppFixture app)
    {
        var family = BookingSetup.Unique("Untreated");
        var email = $"{family}@example.test".ToLowerInvariant();
        var v = await new SessionSetup(app).CheckedInAsync(patient: await RegisterWithContactAsync(app, family, email), checkIn: false);
        return (v, family, email);
    }

    /// <summary>Signed in now: the test clock moves, and a cached Admin token may have expired before this role's account is made.</summary>
    public static async Task<HttpClient> SignedIn(AppFixture app, string role)
    {
        (await app.As("Admin", freshToken: true)).Dispose();
        return await app.As(role, freshToken: true);
    }

    public static async Task<HttpResponseMessage> Erase(HttpClient client, Guid patient, string reason = "Patient asked in writing to erase their data") =>
        await client.PostAsJsonAsync($"/patients/{patient}/erasure", new { reason });
}
