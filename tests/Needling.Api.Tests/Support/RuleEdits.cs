using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Needling.Api.Tests.Support;

/// <summary>
/// A protocol change as a clinic makes it: the Admin saves it, and when it weakens the rule (a shorter interval) a
/// clinical lead approves it. Returns the rule-set version that holds the change.
/// </summary>
internal static class RuleEdits
{
    public static async Task<int> SaveProtocolAsync(AppFixture app, HttpClient admin, JsonNode rule, string note)
    {
        var id = rule["id"]!.GetValue<string>();
        var response = await admin.PutMatchingAsync($"/rules/protocols/{id}", new { rule, note });
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return (await response.Json(HttpStatusCode.OK)).GetProperty("ruleSetVersion").GetInt32();
        }
        var proposal = (await response.Json(HttpStatusCode.Accepted)).Id();
        using var lead = await LeadAsync(app, admin, clinicalLead: true);
        return (await lead.PostOk($"/rules/changes/{proposal}/approve", new { note = "Agreed for this test." }, HttpStatusCode.OK))
            .GetProperty("appliedVersion").GetInt32();
    }

    public static async Task<int> SetIntervalAsync(AppFixture app, HttpClient admin, string protocolId, int days)
    {
        var rule = JsonNode.Parse(await admin.GetStringAsync("/rules"))!["protocols"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == protocolId)!.DeepClone();
        rule["minIntervalDays"] = days;
        return await SaveProtocolAsync(app, admin, rule, $"Clinic policy: {days} days between sessions.");
    }

    /// <summary>A practitioner account signed in, its practitioner record with or without the clinical-lead flag.</summary>
    public static async Task<HttpClient> LeadAsync(AppFixture app, HttpClient admin, bool clinicalLead, string[]? roles = null)
    {
        var practitioner = (await admin.PostOk("/practitioners", new
        {
            displayName = BookingSetup.Unique("Dr Lead"), profession = "Physician", licenceExpiresOn = "2099-12-31",
            qualifications = new[] { new { code = "physician" } }, clinicalLead,
        })).Id();
        var username = BookingSetup.Unique("lead").ToLowerInvariant();
        await admin.PostOk("/staff", new { username, displayName = "Dr Lead", password = AppFixture.Password, roles = roles ?? ["Practitioner"], practitionerId = practitioner });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.SignIn(username, AppFixture.Password));
        return client;
    }
}
