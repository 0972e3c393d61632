using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests;

/// <summary>An Admin's edit makes a new rule-set version; old versions stay readable exactly as they were.</summary>
public abstract class RuleEditingTests(AppFixture app)
{
    [Fact]
    public async Task Changing_a_protocol_interval_makes_a_new_version_and_raises_the_rule_version()
    {
        using var admin = await app.As("Admin");
        var before = JsonNode.Parse(await admin.GetStringAsync("/rules"))!;
        var startVersion = before["version"]!.GetValue<int>();
        var rule = before["protocols"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "proto.dry-needling.musculoskeletal")!.DeepClone();
        rule["minIntervalDays"] = 10;

        var saved = await (await admin.PutMatchingAsync("/rules/protocols/proto.dry-needling.musculoskeletal", new { rule, note = "Clinic policy: ten days between dry-needling sessions." })).Json(HttpStatusCode.OK);
        Assert.Equal(startVersion + 1, saved.GetProperty("ruleSetVersion").GetInt32());
        Assert.Equal(2, saved.GetProperty("rule").GetProperty("version").GetInt32());

        var now = JsonNode.Parse(await admin.GetStringAsync("/rules"))!;
        Assert.Equal(startVersion + 1, now["version"]!.GetValue<int>());
        Assert.Equal(10, now["protocols"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "proto.dry-needling.musculoskeletal")!["minIntervalDays"]!.GetValue<int>());

        var old = JsonNode.Parse(await admin.GetStringAsync($"/rules/versions/{startVersion}"))!;
        Assert.Equal(7, old["protocols"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "proto.dry-needling.musculoskeletal")!["minIntervalDays"]!.GetValue<int>());

        var versions = await admin.GetOk("/rules/versions");
        Assert.Contains(versions.EnumerateArray(), v => v.GetProperty("note").GetString()!.Contains("ten days"));
    }

    [Fact]
    public async Task A_rule_edit_without_a_note_or_with_a_mismatched_id_is_refused()
    {
        using var admin = await app.As("Admin");
        var rule = JsonNode.Parse(await admin.GetStringAsync("/rules"))!["contraindications"]![0]!.DeepClone();
        var id = rule["id"]!.GetValue<string>();
        await (await admin.PutMatchingAsync($"/rules/contraindications/{id}", new { rule, note = " " })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        await (await admin.PutMatchingAsync("/rules/contraindications/some-other-id", new { rule, note = "typo" })).AssertProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task An_invalid_rule_is_refused_and_no_version_is_written()
    {
        using var admin = await app.As("Admin");
        var versionsBefore = (await admin.GetOk("/rules/versions")).GetArrayLength();
        var rule = JsonNode.Parse(await admin.GetStringAsync("/rules"))!["contraindications"]![0]!.DeepClone();
        rule["severityByTreatment"] = new JsonObject { ["MN-PEN"] = "Maybe" };
        var response = await admin.PutMatchingAsync($"/rules/contraindications/{rule["id"]!.GetValue<string>()}", new { rule, note = "bad severity" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(versionsBefore, (await admin.GetOk("/rules/versions")).GetArrayLength());
    }
}

public sealed class RuleEditingTestsOnSqlite(SqliteApp app) : RuleEditingTests(app), IClassFixture<SqliteApp>;

public sealed class RuleEditingTestsOnPostgres(PostgresApp app) : RuleEditingTests(app), IClassFixture<PostgresApp>;

public sealed class RuleEditingTestsOnSqlServer(SqlServerApp app) : RuleEditingTests(app), IClassFixture<SqlServerApp>;
