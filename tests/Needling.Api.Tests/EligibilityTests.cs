using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests;

/// <summary>The eligibility question over HTTP: facts gathered from Patients and Clinic, decided by the rule set in force.</summary>
public abstract class EligibilityTests(AppFixture app)
{
    private static readonly string NextMonday = NextWeekday().ToString("yyyy-MM-dd") + "T10:00:00Z";

    private static DateTime NextWeekday()
    {
        var d = DateTime.UtcNow.Date.AddDays(7);
        while (d.DayOfWeek != DayOfWeek.Monday)
        {
            d = d.AddDays(1);
        }
        return d;
    }

    private async Task<(HttpClient Desk, Guid Patient, Guid Practitioner)> Setup(string family, params string[] qualifications)
    {
        using var admin = await app.As("Admin");
        var practitioner = await admin.RegisterPractitioner($"Dr {family}", qualifications.Length > 0 ? qualifications : ["microneedling-device-training"]);
        var desk = await app.As("Practitioner");
        var patient = await desk.RegisterPatient("Eli", family);
        return (desk, patient, practitioner);
    }

    private static async Task<JsonElement> Ask(HttpClient desk, Guid patient, Guid practitioner, string treatment = "MN-PEN", string indication = "hyperpigmentation", string[]? areas = null) =>
        await desk.PostOk("/eligibility", new { patientId = patient, treatmentCode = treatment, indication, practitionerId = practitioner, start = NextMonday, treatedAreas = areas }, HttpStatusCode.OK);

    private static IEnumerable<string> RuleIds(JsonElement result) =>
        result.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!);

    [Fact]
    public async Task A_patient_with_nothing_on_record_is_allowed_microneedling_by_a_trained_practitioner()
    {
        var (desk, patient, practitioner) = await Setup("Clear");
        var result = await Ask(desk, patient, practitioner);
        Assert.Equal("Allowed", result.GetProperty("outcome").GetString());
        Assert.Empty(result.GetProperty("findings").EnumerateArray());
        Assert.Equal(1, result.GetProperty("ruleSetVersion").GetInt32());
    }

    [Fact]
    public async Task An_active_cold_sore_in_the_treated_area_refuses_microneedling_naming_the_rule_and_its_source()
    {
        var (desk, patient, practitioner) = await Setup("ColdSore");
        await desk.PostOk($"/patients/{patient}/screening", new { kind = "skin-finding", code = "cold-sore", area = "upper-lip", startedOn = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd") });

        var result = await Ask(desk, patient, practitioner, areas: ["upper-lip", "cheeks"]);
        Assert.Equal("Refused", result.GetProperty("outcome").GetString());
        var finding = result.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "ci.active-infection");
        Assert.Equal("Block", finding.GetProperty("severity").GetString());
        Assert.Contains("seed 001", finding.GetProperty("source").GetString());

        var elsewhere = await Ask(desk, patient, practitioner, areas: ["forehead"]);
        Assert.DoesNotContain("ci.active-infection", RuleIds(elsewhere));
    }

    [Fact]
    public async Task An_anticoagulant_allows_microneedling_with_a_warning()
    {
        var (desk, patient, practitioner) = await Setup("Anticoagulated");
        await desk.PostOk($"/patients/{patient}/screening", new { kind = "medication", code = "anticoagulant", name = "Apixaban", startedOn = "2023-04-01" });
        var result = await Ask(desk, patient, practitioner);
        Assert.Equal("AllowedWithWarnings", result.GetProperty("outcome").GetString());
        Assert.Contains("ci.anticoagulant-antiplatelet", RuleIds(result));
    }

    [Fact]
    public async Task A_practitioner_without_dry_needling_certification_is_refused_dry_needling()
    {
        var (desk, patient, practitioner) = await Setup("Unqualified", "microneedling-device-training");
        var result = await Ask(desk, patient, practitioner, "DRY-NEEDLING", "musculoskeletal");
        Assert.Equal("Refused", result.GetProperty("outcome").GetString());
        Assert.Contains("practitioner.qualification", RuleIds(result));
    }

    [Fact]
    public async Task An_unknown_indication_for_a_treatment_is_refused_as_having_no_protocol()
    {
        var (desk, patient, practitioner) = await Setup("NoProtocol");
        var result = await Ask(desk, patient, practitioner, "MN-PEN", "tattoo-removal");
        Assert.Equal("Refused", result.GetProperty("outcome").GetString());
        Assert.Contains("protocol.unknown", RuleIds(result));
    }

    [Fact]
    public async Task Stem_cells_are_refused_until_the_clinic_records_regulatory_clearance()
    {
        var (desk, patient, practitioner) = await Setup("StemCell", "physician");
        Assert.Contains("ci.product-not-cleared", RuleIds(await Ask(desk, patient, practitioner, "UC-MSC", "pigmentation")));
    }

    [Fact]
    public async Task A_licence_is_judged_by_the_date_in_the_clinics_time_zone_not_in_UTC()
    {
        using var admin = await app.As("Admin");
        await SetTimeZone(admin, "Asia/Tokyo");
        try
        {
            var practitioner = await admin.RegisterPractitioner("Dr Tokyo", ["microneedling-device-training"], licenceExpiresOn: "2030-03-10");
            using var desk = await app.As("Practitioner");
            var patient = await desk.RegisterPatient("Eli", "Tokyo");
            async Task<string> OutcomeAt(string start) =>
                (await desk.PostOk("/eligibility", new { patientId = patient, treatmentCode = "MN-PEN", indication = "hyperpigmentation", practitionerId = practitioner, start }, HttpStatusCode.OK))
                .GetProperty("outcome").GetString()!;

            Assert.Equal("Allowed", await OutcomeAt("2030-03-10T14:00:00Z"));   // 23:00 on 10 March in Tokyo: last valid day
            Assert.Equal("Refused", await OutcomeAt("2030-03-10T16:00:00Z"));   // 01:00 on 11 March in Tokyo, still 10 March in UTC
            Assert.Equal("Refused", await OutcomeAt("2030-03-11T01:00:00+09:00"));
        }
        finally
        {
            await SetTimeZone(admin, "UTC");
        }
    }

    private static async Task SetTimeZone(HttpClient admin, string zone) =>
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutMatchingAsync("/clinic", new { name = "Eligibility clinic", timeZoneId = zone, openingHours = Array.Empty<object>() })).StatusCode);

    [Fact]
    public async Task Receptionists_may_ask_but_admins_may_not()
    {
        var (_, patient, practitioner) = await Setup("Roles");
        using var reception = await app.As("Receptionist");
        Assert.Equal("Allowed", (await Ask(reception, patient, practitioner)).GetProperty("outcome").GetString());
        using var admin = await app.As("Admin");
        var response = await admin.PostAsJsonAsync("/eligibility", new { patientId = patient, treatmentCode = "MN-PEN", indication = "hyperpigmentation", practitionerId = practitioner, start = NextMonday });
        await response.AssertProblem(HttpStatusCode.Forbidden);
    }
}

public sealed class EligibilityTestsOnSqlite(SqliteApp app) : EligibilityTests(app), IClassFixture<SqliteApp>;

public sealed class EligibilityTestsOnPostgres(PostgresApp app) : EligibilityTests(app), IClassFixture<PostgresApp>;

public sealed class EligibilityTestsOnSqlServer(SqlServerApp app) : EligibilityTests(app), IClassFixture<SqlServerApp>;
