using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Needling.Api.Tests.Support;

/// <summary>
/// Changes as a client that shows a record and then saves it makes them: it reads the record's ETag just before and
/// sends it as If-Match. Where the record is read from follows the API: its own GET, or its entry in a list.
/// </summary>
public static partial class Matching
{
    public static async Task<HttpResponseMessage> PutMatchingAsync(this HttpClient client, string path, object body) =>
        await client.SendMatchingAsync(HttpMethod.Put, path, body);

    public static async Task<HttpResponseMessage> PostMatchingAsync(this HttpClient client, string path, object body) =>
        await client.SendMatchingAsync(HttpMethod.Post, path, body);

    /// <summary>A DELETE of part of a record (a closure, leave, an exception), with the record's current ETag.</summary>
    public static async Task<HttpResponseMessage> DeleteMatchingAsync(this HttpClient client, string path, string? ifMatch = null) =>
        await client.SendMatchingAsync(HttpMethod.Delete, path, null, ifMatch);

    public static async Task<HttpResponseMessage> SendMatchingAsync(this HttpClient client, HttpMethod method, string path, object? body, string? ifMatch = null)
    {
        ifMatch ??= await client.CurrentETagAsync(path);
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, body.GetType()) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await client.SendAsync(request);
    }

    /// <summary>A POST that changes an existing record and so sends If-Match (a new consent form version too, when one exists).</summary>
    public static bool ChangesRecord(string path) => RecordChangingPost().IsMatch(path);

    /// <summary>The ETag of GET <paramref name="path"/>, asserting that the answer is 200 and carries one.</summary>
    public static async Task<string> ETagAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag?.Tag ?? throw new Xunit.Sdk.XunitException($"GET {path} sent no ETag.");
    }

    /// <summary>
    /// The current ETag of the record a change to <paramref name="path"/> edits; null when there is none yet (an
    /// addition) or it cannot be read (the change is then sent without If-Match and gets its 404 or 428).
    /// </summary>
    public static async Task<string?> CurrentETagAsync(this HttpClient client, string path)
    {
        string? Tag(int? version) => version is null ? null : $"\"{version}\"";
        if (AppointmentChange().Match(path) is { Success: true } appointment)
        {
            return await HeaderAsync(client, $"/appointments/{appointment.Groups[1].Value}");
        }
        if (ScheduleChange().Match(path) is { Success: true } schedule)
        {
            return await HeaderAsync(client, $"/practitioners/{schedule.Groups[1].Value}/schedule");
        }
        if (path.StartsWith("/clinic/closures", StringComparison.Ordinal))
        {
            return await HeaderAsync(client, "/clinic");
        }
        if (ScreeningConfirmation().Match(path) is { Success: true } confirmation)
        {
            return await HeaderAsync(client, $"/patients/{confirmation.Groups[1].Value}/screening");
        }
        if (SessionChange().Match(path) is { Success: true } session)
        {
            return await HeaderAsync(client, $"/sessions/{session.Groups[1].Value}");
        }
        if (RuleChangeDecision().Match(path) is { Success: true } decision)
        {
            return await HeaderAsync(client, $"/rules/changes/{decision.Groups[1].Value}");
        }
        if (ScreeningChange().Match(path) is { Success: true } screening)
        {
            var current = await ReadAsync(client, $"/patients/{screening.Groups[1].Value}/screening");
            return Tag(current?.GetProperty("answers").EnumerateArray()
                .Where(a => a.GetProperty("entryKey").GetString() == screening.Groups[2].Value)
                .Select(a => (int?)a.GetProperty("revision").GetInt32()).FirstOrDefault());
        }
        if (path.StartsWith("/rules/", StringComparison.Ordinal))
        {
            return await HeaderAsync(client, "/rules");
        }
        if (ListedChange().Match(path) is { Success: true } listed)
        {
            var (list, key) = listed.Groups[1].Value switch
            {
                "treatments" => ("/treatments", "code"),
                var other => ($"/{other}", "id"),
            };
            var all = await ReadAsync(client, list);
            return Tag(all?.EnumerateArray().Where(e => e.GetProperty(key).GetString() == listed.Groups[2].Value)
                .Select(e => (int?)e.GetProperty("version").GetInt32()).FirstOrDefault());
        }
        if (TemplateChange().Match(path) is { Success: true } template)
        {
            var all = await ReadAsync(client, "/consent/templates");
            return Tag(all?.EnumerateArray().Where(e => e.GetProperty("treatmentCode").GetString() == template.Groups[1].Value)
                .Select(e => (int?)e.GetProperty("version").GetInt32()).Max());
        }
        return await HeaderAsync(client, path); // the record's own GET: /clinic, /patients/{id}, /practitioners/{id}
    }

    private static async Task<string?> HeaderAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.IsSuccessStatusCode ? response.Headers.ETag?.Tag : null;
    }

    private static async Task<JsonElement?> ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : null;
    }

    [GeneratedRegex("^/appointments/([0-9a-f-]{36})/[a-z-]+$")]
    private static partial Regex AppointmentChange();

    [GeneratedRegex("^/practitioners/([0-9a-f-]{36})/(schedule(/exceptions/.*)?|leave(/.*)?)$")]
    private static partial Regex ScheduleChange();

    [GeneratedRegex("^/patients/([0-9a-f-]{36})/screening/([0-9a-f-]{36})(/remove)?$")]
    private static partial Regex ScreeningChange();

    [GeneratedRegex("^/patients/([0-9a-f-]{36})/screening/confirm$")]
    private static partial Regex ScreeningConfirmation();

    [GeneratedRegex("^/sessions/([0-9a-f-]{36})/(record|sign|amendments)$")]
    private static partial Regex SessionChange();

    [GeneratedRegex("^/rules/changes/([0-9a-f-]{36})/(approve|reject)$")]
    private static partial Regex RuleChangeDecision();

    [GeneratedRegex("^/(rooms|devices|staff|treatments)/([^/]+)$")]
    private static partial Regex ListedChange();

    [GeneratedRegex("/(cancel|reschedule|reassign|retire|remove|approve|reject)$|/screening/confirm$|^/consent/templates/[^/]+/versions$|^/appointments/[0-9a-f-]{36}/(check-in|no-show|complete)$|^/sessions/[0-9a-f-]{36}/(sign|amendments)$")]
    private static partial Regex RecordChangingPost();

    [GeneratedRegex("^/consent/templates/([^/]+)/versions$")]
    private static partial Regex TemplateChange();
}
