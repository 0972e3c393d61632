using System.Net;
using System.Net.Http.Json;
using System.Text;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Inputs;

/// <summary>
/// Whatever arrives, the answer is problem+json naming what was wrong: control characters in the path, the wrong
/// content type (on anonymous endpoints too), an empty or malformed body, missing or unknown fields.
/// </summary>
public abstract class MalformedRequestTests(AppFixture app)
{
    private const string SigningPath = "/consent/sign/not-a-real-token";

    // %00 in the path itself never reaches the service: Kestrel (and the test server) refuse it while decoding the path.
    [Theory]
    [InlineData("/patients/%01")]
    [InlineData("/patients/abc%1Fdef")]
    [InlineData("/patients?x=%00")]
    [InlineData("/consent/sign/abc%0Adef")]
    [InlineData("/consent/sign/abc%7Fdef/pdf")]
    [InlineData("/consent/sign/abc?t=%00")]
    public async Task A_control_character_in_the_path_or_query_is_a_400_problem(string path)
    {
        using var desk = await app.As("Receptionist");
        var problem = await (await desk.GetAsync(path)).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("control character", problem.Detail());
    }

    [Theory]
    [InlineData("/auth/token", "text/plain")]
    [InlineData("/auth/token", "application/x-www-form-urlencoded")]
    [InlineData(SigningPath, "text/plain")]
    [InlineData(SigningPath, "multipart/form-data")]
    [InlineData("/patients", "application/xml")]
    public async Task A_wrong_content_type_is_a_415_problem_even_without_signing_in(string path, string contentType)
    {
        using var client = path == "/patients" ? await app.As("Receptionist") : app.Anonymous();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"username\":\"a\",\"password\":\"b\"}"));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var problem = await (await client.PostAsync(path, content)).AssertProblem(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("JSON", problem.Detail());
    }

    [Theory]
    [InlineData("/auth/token")]
    [InlineData(SigningPath)]
    [InlineData("/patients")]
    public async Task An_empty_body_is_a_400_problem(string path)
    {
        using var client = path == "/patients" ? await app.As("Receptionist") : app.Anonymous();
        var content = new ByteArrayContent([]);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        await (await client.PostAsync(path, content)).AssertProblem(HttpStatusCode.BadRequest);
        await (await client.PostAsync(path, null)).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/auth/token", "{\"username\": \"a\", \"password\": \"b\", \"remember\": true}", "remember")]
    [InlineData("/auth/token", "{\"username\": \"a\"}", "password")]
    [InlineData("/auth/token", "{\"username\": \"a\", \"password\": ", "not valid JSON")]
    [InlineData(SigningPath, "{\"fullName\": \"A B\", \"signaturePng\": \"x\", \"drawnAt\": 1}", "drawnAt")]
    [InlineData(SigningPath, "{\"fullName\": \"A B\"}", "signaturePng")]
    [InlineData(SigningPath, "{\"fullName\": 12, \"signaturePng\": \"x\"}", "$.fullName")]
    [InlineData(SigningPath, "\"just a string\"", "$")]
    public async Task Missing_unknown_or_mistyped_fields_on_anonymous_endpoints_are_a_400_naming_them(string path, string json, string named)
    {
        using var client = app.Anonymous();
        var problem = await (await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"))).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains(named, problem.Detail());
    }

    // System.Text.Json's nullable annotations cover fields, not the items of a list: the fuzz test found handlers that
    // walked a list with a null in it and answered 500.
    [Theory]
    [InlineData("Admin", "POST", "/consent/templates/MN-PEN/versions", "{\"texts\": [null], \"requiresReconsent\": false, \"note\": \"n\"}", "texts[0]")]
    [InlineData("Admin", "PUT", "/clinic", "{\"name\": \"C\", \"timeZoneId\": \"Europe/London\", \"openingHours\": [{\"day\": \"monday\", \"opens\": \"09:00:00\", \"closes\": \"17:00:00\"}, null]}", "openingHours[1]")]
    [InlineData("Admin", "POST", "/staff", "{\"username\": \"n\", \"displayName\": \"N\", \"password\": \"correct-horse-battery\", \"roles\": [\"Receptionist\", null]}", "roles[1]")]
    [InlineData("Receptionist", "POST", "/patients/0197a3c4-0000-7000-8000-000000000001/screening/answers", "{\"givenBy\": \"patient\", \"answers\": [null]}", "answers[0]")]
    public async Task A_null_item_in_a_list_is_a_400_naming_the_item(string role, string method, string path, string json, string named)
    {
        using var client = await app.As(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        var problem = await (await client.SendAsync(request)).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains(named + " must not be null", problem.Detail());
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        using var desk = await app.As("Receptionist");
        await (await desk.GetAsync("/no-such-thing")).AssertProblem(HttpStatusCode.NotFound);
        await (await desk.PostAsJsonAsync("/patients/not-a-guid/screening", new { })).AssertProblem(HttpStatusCode.NotFound);
    }
}

public sealed class MalformedRequestTestsOnSqlite(SqliteApp app) : MalformedRequestTests(app), IClassFixture<SqliteApp>;

public sealed class MalformedRequestTestsOnPostgres(PostgresApp app) : MalformedRequestTests(app), IClassFixture<PostgresApp>;
