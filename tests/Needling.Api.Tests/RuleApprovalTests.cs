using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Needling.Api.Tests.Support;
using Needling.Protocols.Data;
using Needling.SharedKernel.Audit;

namespace Needling.Api.Tests;

/// <summary>
/// Retiring or weakening a rule that refuses a treatment needs a second person with the clinical-lead permission
/// (issue 12, item 6); both people are named in the rule-set history and the audit trail.
/// </summary>
public abstract class RuleApprovalTests(AppFixture app)
{
    [Fact]
    public async Task Retiring_a_blocking_rule_waits_until_a_clinical_lead_approves_it()
    {
        using var admin = await app.As("Admin", freshToken: true);
        var (id, _) = await BlockingContraindication(admin);
        var version = await CurrentVersion(admin);

        var proposal = await (await admin.PostMatchingAsync($"/rules/{id}/retire", new { note = "We think this is covered elsewhere." })).Json(HttpStatusCode.Accepted);
        Assert.Equal("pending", proposal.GetProperty("status").GetString());
        Assert.Contains(proposal.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("retires", StringComparison.Ordinal));
        Assert.Equal(version, await CurrentVersion(admin));
        Assert.True(await HasRule(admin, id), "the rule still protects patients while the change waits");

        using var lead = await Lead(clinicalLead: true);
        var approved = await lead.PostOk($"/rules/changes/{proposal.Id()}/approve", new { note = "Agreed: the screening rule covers it." }, HttpStatusCode.OK);

        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal(version + 1, approved.GetProperty("appliedVersion").GetInt32());
        Assert.Equal(version + 1, await CurrentVersion(admin));
        Assert.False(await HasRule(admin, id));
        var history = await admin.GetOk("/rules/versions");
        var newest = history.EnumerateArray().First();
        Assert.Contains("proposed by", newest.GetProperty("note").GetString());
        Assert.Contains("approved by", newest.GetProperty("note").GetString());
        var audit = await Audit(proposal.Id());
        Assert.Equal(2, audit.Select(a => a.Actor).Distinct().Count());
    }

    [Fact]
    public async Task Lowering_a_block_to_a_warning_needs_approval_but_raising_a_warning_to_a_block_does_not()
    {
        using var admin = await app.As("Admin", freshToken: true);
        var (id, rule) = await BlockingContraindication(admin);
        var treatment = rule["severityByTreatment"]!.AsObject().First(s => string.Equals(s.Value!.GetValue<string>(), "block", StringComparison.OrdinalIgnoreCase)).Key;

        var lowered = rule.DeepClone();
        lowered["severityByTreatment"]![treatment] = "warn";
        var pending = await (await admin.PutMatchingAsync($"/rules/contraindications/{id}", new { rule = lowered, note = "Warn only." })).Json(HttpStatusCode.Accepted);
        Assert.Contains(pending.GetProperty("reasons").EnumerateArray(), r => r.GetString() == $"lowers {treatment} from Block to Warn");

        var warning = JsonNode.Parse(await admin.GetStringAsync("/rules"))!["contraindications"]!.AsArray()
            .First(c => c!["severityByTreatment"]!.AsObject().Any(s => string.Equals(s.Value!.GetValue<string>(), "warn", StringComparison.OrdinalIgnoreCase)))!.DeepClone();
        var warned = warning["severityByTreatment"]!.AsObject().First(s => string.Equals(s.Value!.GetValue<string>(), "warn", StringComparison.OrdinalIgnoreCase)).Key;
        warning["severityByTreatment"]![warned] = "block";
        await (await admin.PutMatchingAsync($"/rules/contraindications/{warning["id"]!.GetValue<string>()}", new { rule = warning, note = "Stricter." })).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Shortening_a_protocol_interval_needs_approval_and_a_rejected_change_leaves_the_rule_as_it_was()
    {
        using var admin = await app.As("Admin", freshToken: true);
        var rule = JsonNode.Parse(await admin.GetStringAsync("/rules"))!["protocols"]!.AsArray()
            .Single(p => p!["id"]!.GetValue<string>() == "proto.mn-pen.hyperpigmentation")!.DeepClone();
        var days = rule["minIntervalDays"]!.GetValue<int>();
        rule["minIntervalDays"] = days - 1;
        var pending = await (await admin.PutMatchingAsync("/rules/protocols/proto.mn-pen.hyperpigmentation", new { rule, note = "One day sooner." })).Json(HttpStatusCode.Accepted);
        Assert.Contains(pending.GetProperty("reasons").EnumerateArray(), r => r.GetString() == $"shortens the minimum interval from {days} to {days - 1} days");

        using var lead = await Lead(clinicalLead: true);
        var rejected = await lead.PostOk($"/rules/changes/{pending.Id()}/reject", new { note = "The interval is from the manufacturer's guidance." }, HttpStatusCode.OK);
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        var now = JsonNode.Parse(await admin.GetStringAsync("/rules"))!["protocols"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "proto.mn-pen.hyperpigmentation")!;
        Assert.Equal(days, now["minIntervalDays"]!.GetValue<int>());
        await (await lead.PostMatchingAsync($"/rules/changes/{pending.Id()}/approve", new { note = "changed my mind" })).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_practitioner_without_the_clinical_lead_flag_cannot_approve_and_nor_can_the_proposer()
    {
        using var admin = await app.As("Admin", freshToken: true);
        var (id, _) = await BlockingContraindication(admin);
        var proposal = (await (await admin.PostMatchingAsync($"/rules/{id}/retire", new { note = "Not needed." })).Json(HttpStatusCode.Accepted)).Id();

        using var colleague = await Lead(clinicalLead: false);
        var refused = await (await colleague.PostAsJsonAsync($"/rules/changes/{proposal}/approve", new { note = "fine" })).AssertProblem(HttpStatusCode.Forbidden);
        Assert.Contains("clinical lead", refused.GetProperty("detail").GetString());

        // One person holding both roles is still one person.
        using var both = await Lead(clinicalLead: true, roles: ["Admin", "Practitioner"]);
        var own = (await (await both.PostMatchingAsync($"/rules/{(await BlockingContraindication(both)).Id}/retire", new { note = "Mine." })).Json(HttpStatusCode.Accepted)).Id();
        var second = await (await both.PostAsJsonAsync($"/rules/changes/{own}/approve", new { note = "self" })).AssertProblem(HttpStatusCode.Forbidden);
        Assert.Contains("second person", second.GetProperty("detail").GetString());

        var pending = await admin.GetOk("/rules/changes?status=pending");
        Assert.Contains(pending.EnumerateArray(), p => p.Id() == proposal);
        Assert.Contains(pending.EnumerateArray(), p => p.Id() == own);
    }

    private async Task<HttpClient> Lead(bool clinicalLead, string[]? roles = null)
    {
        using var admin = await app.As("Admin", freshToken: true);
        return await RuleEdits.LeadAsync(app, admin, clinicalLead, roles);
    }

    // Each test takes a different blocking rule, so that one test's approved change does not take another's rule away.
    private static async Task<(string Id, JsonNode Rule)> BlockingContraindication(HttpClient client)
    {
        var rules = JsonNode.Parse(await client.GetStringAsync("/rules"))!["contraindications"]!.AsArray();
        var pending = (await client.GetOk("/rules/changes?status=pending")).EnumerateArray().Select(p => p.GetProperty("ruleId").GetString()).ToHashSet();
        var rule = rules.First(c => !pending.Contains(c!["id"]!.GetValue<string>())
                                    && c!["severityByTreatment"]!.AsObject().Any(s => string.Equals(s.Value!.GetValue<string>(), "block", StringComparison.OrdinalIgnoreCase)))!.DeepClone();
        return (rule["id"]!.GetValue<string>(), rule);
    }

    private static async Task<int> CurrentVersion(HttpClient client) => JsonNode.Parse(await client.GetStringAsync("/rules"))!["version"]!.GetValue<int>();

    private static async Task<bool> HasRule(HttpClient client, string id) =>
        JsonNode.Parse(await client.GetStringAsync("/rules"))!["contraindications"]!.AsArray().Any(c => c!["id"]!.GetValue<string>() == id);

    private async Task<List<AuditRecord>> Audit(Guid proposal)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProtocolsDbContext>();
        var id = proposal.ToString();
        return await db.Set<AuditRecord>().AsNoTracking().Where(a => a.EntityId == id).ToListAsync();
    }
}

public sealed class RuleApprovalTestsOnSqlite(SqliteApp app) : RuleApprovalTests(app), IClassFixture<SqliteApp>;

public sealed class RuleApprovalTestsOnPostgres(PostgresApp app) : RuleApprovalTests(app), IClassFixture<PostgresApp>;

public sealed class RuleApprovalTestsOnSqlServer(SqlServerApp app) : RuleApprovalTests(app), IClassFixture<SqlServerApp>;
