using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Fhir;

/// <summary>
/// A demo-style visit through the API, as a clinic goes it: a patient with a history of keloids (so the booking carries
/// a warning and the session starts on an override with a written reason), a consent signed on the tablet, a pen session
/// recorded and signed, the appointment completed and the aftercare sheet written.
/// </summary>
internal sealed record FhirVisit(SessionSetup.Visit Visit, Guid Session, string OverrideReason)
{
    public const string Reason = "Keloid on the chest only, none on the face; patient informed of the risk";

    public static async Task<FhirVisit> CreateAsync(AppFixture app)
    {
        var setup = new SessionSetup(app);
        Guid patient;
        using (var desk = await app.As("Receptionist", freshToken: true))
        {
            patient = await desk.RegisterPatient("Emma", BookingSetup.Unique("Clarke"));
            await desk.PostOk($"/patients/{patient}/screening", new { kind = "condition", code = "keloid-history" });
        }
        var v = await setup.CheckedInAsync(patient: patient);
        using var chair = await setup.SignedIn(v.Chair);
        var session = (await SessionSetup.StartOk(chair, v, overrides: [new { ruleId = "ci.keloid-history", reason = Reason }])).Id();
        await (await chair.PutMatchingAsync($"/sessions/{session}/record", new { record = SessionSetup.PenRecord(app.Clock.GetUtcNow(), adverse: "bruising") })).Json(HttpStatusCode.OK);
        await chair.PostOk($"/sessions/{session}/sign", new { }, HttpStatusCode.OK);

        // Completing the appointment and writing the sheet follow the signing through the outbox.
        using var desk2 = await app.As("Receptionist", freshToken: true);
        Assert.True(await Sql.Eventually(async () => (await desk2.GetOk($"/appointments/{v.Appointment}")).GetProperty("status").GetString() == "fulfilled"),
            "The appointment was not completed after the session was signed.");
        Assert.True(await Sql.Eventually(async () => (await desk2.GetAsync($"/sessions/{session}/aftercare")).StatusCode == HttpStatusCode.OK),
            "No aftercare sheet was written for the signed session.");
        return new FhirVisit(v, session, Reason);
    }

    /// <summary>Another patient of the same clinic with a signed consent and a booking: none of it may appear in the first one's export.</summary>
    public static async Task<(Guid Patient, Guid Appointment, Guid Consent)> SomeoneElseAsync(AppFixture app)
    {
        var other = await new SessionSetup(app).CheckedInAsync(checkIn: false);
        return (other.Patient, other.Appointment, other.Consent!.Value);
    }

    public static async Task<JsonElement> SessionAsync(HttpClient practitioner, Guid session) => await practitioner.GetOk($"/sessions/{session}");
}
