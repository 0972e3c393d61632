using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Needling.Api.Tests.Support;

public static class Http
{
    public static async Task<JsonElement> Json(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>POST, with If-Match read just before when the POST changes an existing record (<see cref="Matching.ChangesRecord"/>).</summary>
    public static async Task<JsonElement> PostOk(this HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (Matching.ChangesRecord(path) ? await client.PostMatchingAsync(path, body) : await client.PostAsJsonAsync(path, body)).Json(expected);

    public static async Task<JsonElement> GetOk(this HttpClient client, string path) =>
        await (await client.GetAsync(path)).Json(HttpStatusCode.OK);

    public static Guid Id(this JsonElement e, string property = "id") => e.GetProperty(property).GetGuid();

    /// <summary>
    /// Registers a patient and returns its id. Screened: the patient answers every screening question "no" (Fitzpatrick:
    /// type I), because an unanswered question is unknown, never "no", and leaves eligibility "screening incomplete".
    /// </summary>
    public static async Task<Guid> RegisterPatient(this HttpClient desk, string given = "Mina", string family = "Okada", string dob = "1990-05-17", string language = "en",
        bool screened = true)
    {
        var created = await desk.PostOk("/patients", new { givenName = given, familyName = family, dateOfBirth = dob, phone = "+44 20 7946 0999", preferredLanguage = language });
        var id = created.GetProperty("patient").Id();
        if (screened)
        {
            await desk.AnswerScreeningAllNo(id);
        }
        return id;
    }

    /// <summary>Answers every screening question "no" (or its first choice where there is no "no"), as the patient.</summary>
    public static async Task AnswerScreeningAllNo(this HttpClient desk, Guid patient, params (string Question, object Answer)[] except)
    {
        var questions = await desk.GetOk("/screening/questions");
        var answers = questions.GetProperty("questions").EnumerateArray().Select(q =>
        {
            var id = q.GetProperty("id").GetString()!;
            var given = except.FirstOrDefault(e => e.Question == id);
            if (given.Question is not null)
            {
                return given.Answer;
            }
            var values = q.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()!).ToList();
            return (object)new { question = id, value = values.Contains("no") ? "no" : values[0] };
        }).Where(a => a is not null).ToList();
        await desk.PostOk($"/patients/{patient}/screening/answers", new { givenBy = "patient", answers }, HttpStatusCode.OK);
    }

    /// <summary>Registers a practitioner (as Admin) with the given qualification codes and returns its id.</summary>
    public static async Task<Guid> RegisterPractitioner(this HttpClient admin, string name, string[] qualifications, string? licenceExpiresOn = "2099-12-31")
    {
        var created = await admin.PostOk("/practitioners", new
        {
            displayName = name,
            profession = "Physician",
            licenceExpiresOn,
            qualifications = qualifications.Select(q => new { code = q }).ToArray(),
        });
        return created.Id();
    }
}
