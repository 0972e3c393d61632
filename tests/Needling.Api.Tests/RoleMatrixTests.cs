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
        // The audit trail: an Admin with the auditor permission only (AuditTrailTests); the role alone is refused.
        ("GET", "/audit", $"/audit?patient={Id}", []),
        ("POST", "/patients", "/patients", [R, P]),
        ("GET", "/patients/{id:guid}", $"/patients/{Id}", [R, P]),
        ("PUT", "/patients/{id:guid}", $"/patients/{Id}", [R, P]),
        ("POST", "/patients/search", "/patients/search", [R, P]),
        ("GET", "/patients/{id:guid}/screening", $"/patients/{Id}/screening", [R, P]),
        ("POST", "/patients/{id:guid}/screening", $"/patients/{Id}/screening", [R, P]),
        ("POST", "/patients/{id:guid}/screening/confirm", $"/patients/{Id}/screening/confirm", [R, P]),
        ("GET", "/screening/questions", "/screening/questions", [R, P]),
        ("GET", "/patients/{id:guid}/screening/answers", $"/patients/{Id}/screening/answers", [R, P]),
        ("POST", "/patients/{id:guid}/screening/answers", $"/patients/{Id}/screening/answers", [R, P]),
        ("GET", "/patients/{id:guid}/screening/history", $"/patients/{Id}/screening/history", [P]),
        ("PUT", "/patients/{id:guid}/screening/{entryKey:guid}", $"/patients/{Id}/screening/{Id}", [P]),
        ("POST", "/patients/{id:guid}/screening/{entryKey:guid}/remove", $"/patients/{Id}/screening/{Id}/remove", [P]),
        // The patient's data rights: the whole record (sessions and complication reports in it), so practitioners only.
        ("GET", "/patients/{id:guid}/export", $"/patients/{Id}/export", [P]),
        ("POST", "/patients/{id:guid}/erasure", $"/patients/{Id}/erasure", [P]),
        ("GET", "/patients/{id:guid}/erasure", $"/patients/{Id}/erasure", [P]),
        ("GET", "/rules", "/rules", AllRoles),
        ("GET", "/rules/versions", "/rules/versions", AllRoles),
        ("GET", "/body-areas", "/body-areas", AllRoles),
        ("GET", "/rules/versions/{version:int}", "/rules/versions/999", AllRoles),
        ("PUT", "/rules/protocols/{id}", "/rules/protocols/x", [A]),
        ("PUT", "/rules/contraindications/{id}", "/rules/contraindications/x", [A]),
        ("POST", "/rules/{id}/retire", "/rules/x/retire", [A]),
        ("GET", "/rules/changes", "/rules/changes", AllRoles),
        ("GET", "/rules/changes/{id:guid}", $"/rules/changes/{Id}", AllRoles),
        ("POST", "/rules/changes/{id:guid}/approve", $"/rules/changes/{Id}/approve", [P]),
        ("POST", "/rules/changes/{id:guid}/reject", $"/rules/changes/{Id}/reject", [P]),
        ("POST", "/eligibility", "/eligibility", [R, P]),
        ("POST", "/appointments", "/appointments", [R, P]),
        ("POST", "/appointments/{id:guid}/reschedule", $"/appointments/{Id}/reschedule", [R, P]),
        ("POST", "/appointments/{id:guid}/reassign", $"/appointments/{Id}/reassign", [R, P]),
        ("POST", "/appointments/{id:guid}/check-in", $"/appointments/{Id}/check-in", [R, P]),
        ("POST", "/appointments/{id:guid}/no-show", $"/appointments/{Id}/no-show", [R, P]),
        ("POST", "/appointments/{id:guid}/cancel", $"/appointments/{Id}/cancel", [R, P]),
        ("POST", "/appointments/{id:guid}/complete", $"/appointments/{Id}/complete", [P]),
        ("GET", "/appointments/{id:guid}", $"/appointments/{Id}", [R, P]),
        ("GET", "/appointments/{id:guid}/history", $"/appointments/{Id}/history", [R, P]),
        ("POST", "/appointments/search", "/appointments/search", [R, P]),
        ("GET", "/practitioners/{id:guid}/schedule", $"/practitioners/{Id}/schedule", AllRoles),
        ("PUT", "/practitioners/{id:guid}/schedule", $"/practitioners/{Id}/schedule", [A]),
        ("PUT", "/practitioners/{id:guid}/schedule/exceptions/{date}", $"/practitioners/{Id}/schedule/exceptions/2031-01-06", [A]),
        ("DELETE", "/practitioners/{id:guid}/schedule/exceptions/{date}", $"/practitioners/{Id}/schedule/exceptions/2031-01-06", [A]),
        ("POST", "/practitioners/{id:guid}/leave", $"/practitioners/{Id}/leave", [A]),
        ("DELETE", "/practitioners/{id:guid}/leave/{leaveId:guid}", $"/practitioners/{Id}/leave/{Id}", [A]),
        ("POST", "/availability", "/availability", [R, P]),
        // Practitioners may manage their own feed (claim practitioner_id); the matrix's test account has none.
        ("POST", "/practitioners/{id:guid}/calendar-feeds", $"/practitioners/{Id}/calendar-feeds", [A]),
        ("GET", "/practitioners/{id:guid}/calendar-feeds", $"/practitioners/{Id}/calendar-feeds", [A]),
        ("DELETE", "/practitioners/{id:guid}/calendar-feeds/{feedId:guid}", $"/practitioners/{Id}/calendar-feeds/{Id}", [A]),
        ("GET", "/consent/templates", "/consent/templates", AllRoles),
        ("GET", "/consent/templates/{treatmentCode}/versions/{version:int}/{language}", "/consent/templates/MN-PEN/versions/99/en", AllRoles),
        ("POST", "/consent/templates/{treatmentCode}/versions", "/consent/templates/MN-PEN/versions", [A]),
        ("POST", "/consent/requests", "/consent/requests", [R, P]),
        ("GET", "/consent/requests/{id:guid}", $"/consent/requests/{Id}", [R, P]),
        ("GET", "/patients/{patientId:guid}/consents", $"/patients/{Id}/consents", [R, P]),
        ("GET", "/patients/{patientId:guid}/consents/status/{treatmentCode}", $"/patients/{Id}/consents/status/MN-PEN", [R, P]),
        ("POST", "/consent/requests/{id:guid}/link", $"/consent/requests/{Id}/link", [R, P]),
        ("POST", "/consent/requests/{id:guid}/sign", $"/consent/requests/{Id}/sign", [R, P]),
        ("GET", "/consent/signed/{id:guid}/pdf", $"/consent/signed/{Id}/pdf", [R, P]),
        ("POST", "/consent/signed/{id:guid}/withdraw", $"/consent/signed/{Id}/withdraw", [R, P]),
        // Sessions are clinical notes: practitioners only; a receptionist can neither start one nor override a warning.
        ("POST", "/sessions", "/sessions", [P]),
        ("PUT", "/sessions/{id:guid}/record", $"/sessions/{Id}/record", [P]),
        ("POST", "/sessions/{id:guid}/sign", $"/sessions/{Id}/sign", [P]),
        ("POST", "/sessions/{id:guid}/amendments", $"/sessions/{Id}/amendments", [P]),
        ("GET", "/sessions/{id:guid}", $"/sessions/{Id}", [P]),
        ("GET", "/patients/{patientId:guid}/sessions", $"/patients/{Id}/sessions", [P]),
        ("GET", "/sessions/{sessionId:guid}/aftercare", $"/sessions/{Id}/aftercare", [R, P]),
        ("GET", "/sessions/{sessionId:guid}/aftercare/pdf", $"/sessions/{Id}/aftercare/pdf", [R, P]),
        ("POST", "/sessions/{sessionId:guid}/aftercare/link", $"/sessions/{Id}/aftercare/link", [R, P]),
        // FHIR export: the patient's record, with the same rules; sessions (Procedure) are clinical notes.
        ("GET", "/fhir/Patient/{id:guid}", $"/fhir/Patient/{Id}", [R, P]),
        ("GET", "/fhir/Patient/{id:guid}/$everything", $"/fhir/Patient/{Id}/$everything", [R, P]),
        ("GET", "/fhir/Appointment", $"/fhir/Appointment?patient={Id}", [R, P]),
        ("GET", "/fhir/Consent", $"/fhir/Consent?patient={Id}", [R, P]),
        ("GET", "/fhir/DocumentReference", $"/fhir/DocumentReference?patient={Id}", [R, P]),
        ("GET", "/fhir/DetectedIssue", $"/fhir/DetectedIssue?patient={Id}", [R, P]),
        ("GET", "/fhir/Procedure", $"/fhir/Procedure?patient={Id}", [P]),
        ("GET", "/complications", "/complications", [P]),
        ("GET", "/complications/{id:guid}/photo", $"/complications/{Id}/photo", [P]),
        ("POST", "/complications/{id:guid}/acknowledge", $"/complications/{Id}/acknowledge", [P]),
        ("POST", "/complications/{id:guid}/close", $"/complications/{Id}/close", [P]),
    ];

    // Anonymous on purpose: sign-in, health probes, the API description, and the patient's signing link
    // (whose token is the credential; ConsentTests prove an altered or expired one is refused).
    private static readonly HashSet<string> Anonymous =
    [
        "POST /auth/token", "GET /health/live", "GET /health/ready", "GET /openapi/{documentName}.json",
        "GET /consent/sign/{token}", "POST /consent/sign/{token}", "GET /consent/sign/{token}/pdf", "GET /calendar/{token}.ics",
        "GET /aftercare/{token}", "GET /aftercare/{token}/pdf", "GET /aftercare/follow-up/{token}", "POST /aftercare/follow-up/{token}",
    ];

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

public sealed class RoleMatrixTestsOnSqlServer(SqlServerApp app) : RoleMatrixTests(app), IClassFixture<SqlServerApp>;
