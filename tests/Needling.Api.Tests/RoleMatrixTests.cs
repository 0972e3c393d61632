using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests;

/// <summary>Every endpoint against every role: who may call it, who is refused (403), and anonymous (401).</summary>
public abstract class RoleMatrixTests(AppFixture app)
{
    private const string A = "Admin", R = "Receptionist", P = "Practitioner";
    private static readonly string[] AllRoles = [A, R, P];
    private const string Id = "0d6f1c8e-4b7a-4c1e-9a57-3f2b8e1d5c42";

    // method, route template, concrete path, roles allowed
    public static readonly (string Method, string Template, string Path, string[] Roles)[] Matrix =
    [
        ("GET", "/clinic", "/clinic", AllRoles),
        ("PUT", "/clinic", "/clinic", [A]),
        ("POST", "/clinic/closures", "/clinic/closures", [A]),
        ("DELETE", "/clinic/closures/{id:guid}", $"/clinic/closures/{Id}", [A]),
        ("GET", "/practitioners", "/practitioners", AllRoles),
        ("GET", "/practitioners/{id:guid}", $"/practitioners/{Id}", AllRoles),
        ("POST", "/practitioners", "/practitioners", [A]),
        ("PUT", "/practitioners/{id:guid}", $"/practitioners/{Id}", [A]),
        ("GET", "/rooms", "/rooms", AllRoles),
        ("POST", "/rooms", "/rooms", [A]),
        ("PUT", "/rooms/{id:guid}", $"/rooms/{Id}", [A]),
        ("GET", "/devices", "/devices", AllRoles),
        ("POST", "/devices", "/devices", [A]),
        ("PUT", "/devices/{id:guid}", $"/devices/{Id}", [A]),
        ("GET", "/treatments", "/treatments", AllRoles),
        ("PUT", "/treatments/{code}", "/treatments/XX-TEST", [A]),
        ("GET", "/staff", "/staff", [A]),
        ("POST", "/staff", "/staff", [A]),
        ("PUT", "/staff/{id:guid}", $"/staff/{Id}", [A]),
        ("POST", "/patients", "/patients", [R, P]),
        ("GET", "/patients/{id:guid}", $"/patients/{Id}", [R, P]),
        ("PUT", "/patients/{id:guid}", $"/patients/{Id}", [R, P]),
        ("POST", "/patients/search", "/patients/search", [R, P]),
        ("GET", "/patients/{id:guid}/screening", $"/patients/{Id}/screening", [R, P]),
        ("POST", "/patients/{id:guid}/screening", $"/patients/{Id}/screening", [R, P]),
        ("GET", "/patients/{id:guid}/screening/history", $"/patients/{Id}/screening/history", [P]),
        ("PUT", "/patients/{id:guid}/screening/{entryKey:guid}", $"/patients/{Id}/screening/{Id}", [P]),
        ("POST", "/patients/{id:guid}/screening/{entryKey:guid}/remove", $"/patients/{Id}/screening/{Id}/remove", [P]),
        ("GET", "/rules", "/rules", AllRoles),
        ("GET", "/rules/versions", "/rules/versions", AllRoles),
        ("GET", "/rules/versions/{version:int}", "/rules/versions/999", AllRoles),
        ("PUT", "/rules/protocols/{id}", "/rules/protocols/x", [A]),
        ("PUT", "/rules/contraindications/{id}", "/rules/contraindications/x", [A]),
        ("POST", "/rules/{id}/retire", "/rules/x/retire", [A]),
        ("POST", "/eligibility", "/eligibility", [R, P]),
        ("POST", "/appointments", "/appointments", [R, P]),
        ("POST", "/appointments/{id:guid}/reschedule", $"/appointments/{Id}/reschedule", [R, P]),
        ("POST", "/appointments/{id:guid}/check-in", $"/appointments/{Id}/check-in", [R, P]),
        ("POST", "/appointments/{id:guid}/no-show", $"/appointments/{Id}/no-show", [R, P]),
        ("POST", "/appointments/{id:guid}/cancel", $"/appointments/{Id}/cancel", [R, P]),
        ("POST", "/appointments/{id:guid}/complete", $"/appointments/{Id}/complete", [P]),
        ("GET", "/appointments/{id:guid}", $"/appointments/{Id}", [R, P]),
        ("GET", "/appointments/{id:guid}/history", $"/appointments/{Id}/history", [R, P]),
        ("POST", "/appointments/search", "/appointments/search", [R, P]),
    ];

    private static readonly HashSet<string> Anonymous = ["POST /auth/token", "GET /health/live", "GET /health/ready", "GET /openapi/{documentName}.json"];

    public static TheoryData<string, string> Endpoints()
    {
        var data = new TheoryData<string, string>();
        foreach (var e in Matrix)
        {
            data.Add(e.Method, e.Path);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_endpoint_admits_exactly_its_roles(string method, string path)
    {
        var entry = Matrix.Single(e => e.Method == method && e.Path == path);
        using (var anonymous = app.Anonymous())
        {
            await (await Send(anonymous, method, path)).AssertProblem(HttpStatusCode.Unauthorized);
        }
        foreach (var role in AllRoles)
        {
            using var client = await app.As(role);
            var response = await Send(client, method, path);
            if (entry.Roles.Contains(role))
            {
                Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                    $"{role} should be allowed {method} {path}, got {(int)response.StatusCode}");
                Assert.True((int)response.StatusCode < 500, $"{method} {path} as {role} gave {(int)response.StatusCode}");
            }
            else
            {
                await response.AssertProblem(HttpStatusCode.Forbidden);
            }
        }
    }

    [Fact]
    public void The_matrix_covers_every_endpoint_the_service_maps()
    {
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Where(e => !Anonymous.Contains(e))
            .ToHashSet();
        var listed = Matrix.Select(e => $"{e.Method} {e.Template}").ToHashSet();
        Assert.Empty(mapped.Except(listed));
        Assert.Empty(listed.Except(mapped));
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return client.SendAsync(request);
    }
}

public sealed class RoleMatrixTestsOnSqlite(SqliteApp app) : RoleMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class RoleMatrixTestsOnPostgres(PostgresApp app) : RoleMatrixTests(app), IClassFixture<PostgresApp>;
