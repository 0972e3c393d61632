using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests;

/// <summary>A newcomer starts with --Needling:Demo=true and can try every endpoint at once.</summary>
public sealed class DemoClinicTests(DemoApp app) : IClassFixture<DemoApp>
{
    private async Task<HttpClient> SignIn(string user)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.SignIn(user, Needling.Clinic.ClinicModule.DemoPassword));
        return client;
    }

    [Fact]
    public async Task The_demo_clinic_has_practitioners_rooms_devices_and_patients_with_screening()
    {
        using var reception = await SignIn("reception");
        Assert.Equal(3, (await reception.GetOk("/practitioners")).GetArrayLength());
        Assert.Equal(2, (await reception.GetOk("/rooms")).GetArrayLength());
        Assert.Equal(3, (await reception.GetOk("/devices")).GetArrayLength());
        var yuki = (await reception.PostOk("/patients/search", new { name = "sato" }, HttpStatusCode.OK))[0];
        Assert.Equal("ja", yuki.GetProperty("preferredLanguage").GetString());
        Assert.NotEmpty((await reception.GetOk($"/patients/{yuki.Id()}/screening")).GetProperty("answers").EnumerateArray());
    }

    [Fact]
    public async Task The_demo_patient_with_a_cold_sore_is_refused_lip_microneedling_with_the_doctor()
    {
        using var doctor = await SignIn("tanaka");
        var somchai = (await doctor.PostOk("/patients/search", new { name = "somchai" }, HttpStatusCode.OK))[0].Id();
        var tanaka = (await doctor.GetOk("/practitioners")).EnumerateArray().Single(p => p.GetProperty("displayName").GetString() == "Dr Aiko Tanaka").Id();
        var result = await doctor.PostOk("/eligibility", new
        {
            patientId = somchai, treatmentCode = "MN-PEN", indication = "hyperpigmentation", practitionerId = tanaka,
            start = DateTimeOffset.UtcNow.AddDays(10), treatedAreas = new[] { "upper-lip" },
        }, HttpStatusCode.OK);
        Assert.Equal("Refused", result.GetProperty("outcome").GetString());
        var rules = result.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToList();
        Assert.Contains("ci.active-infection", rules);
        Assert.Contains("ci.anticoagulant-antiplatelet", rules);
    }

    [Fact]
    public async Task Demo_admin_cannot_read_patients()
    {
        using var admin = await SignIn("admin");
        await (await admin.PostAsync("/patients/search", JsonContent.Create(new { name = "sato" }))).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_demo_clinic_has_a_signed_session_with_an_override_and_an_amendment_and_a_valid_consent_behind_it()
    {
        using var doctor = await SignIn("tanaka");
        var emma = (await doctor.PostOk("/patients/search", new { name = "clarke" }, HttpStatusCode.OK))[0].Id();
        var session = Assert.Single((await doctor.GetOk($"/patients/{emma}/sessions")).EnumerateArray());
        Assert.Equal("signed", session.GetProperty("status").GetString());
        Assert.Equal("ci.keloid-history", Assert.Single(session.GetProperty("overrides").EnumerateArray()).GetProperty("ruleId").GetString());
        Assert.Single(session.GetProperty("amendments").EnumerateArray());
        Assert.NotEqual(session.GetProperty("originalRecord").ToString(), session.GetProperty("record").ToString());

        var appointment = await doctor.GetOk($"/appointments/{session.GetProperty("appointmentId").GetGuid()}");
        Assert.Equal("fulfilled", appointment.GetProperty("status").GetString());
        var consents = await doctor.GetOk($"/patients/{emma}/consents");
        Assert.Contains(consents.GetProperty("signed").EnumerateArray(), c => c.Id() == session.GetProperty("consentId").GetGuid());
    }
}
