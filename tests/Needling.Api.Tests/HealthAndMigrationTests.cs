using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Needling.Api.Tests.Support;
using Needling.Clinic.Data;
using Needling.Patients.Data;
using Needling.Protocols.Data;

namespace Needling.Api.Tests;

public abstract class HealthAndMigrationTests(AppFixture app)
{
    [Fact]
    public async Task An_empty_database_is_migrated_on_start_and_the_service_is_ready()
    {
        using var client = app.Anonymous();
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());

        await using var scope = app.Services.CreateAsyncScope();
        DbContext[] contexts =
        [
            scope.ServiceProvider.GetRequiredService<ClinicDbContext>(),
            scope.ServiceProvider.GetRequiredService<PatientsDbContext>(),
            scope.ServiceProvider.GetRequiredService<ProtocolsDbContext>(),
        ];
        foreach (var db in contexts)
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        }
    }

    [Fact]
    public async Task Liveness_needs_no_sign_in()
    {
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_endpoints_and_the_bearer_scheme()
    {
        using var client = app.Anonymous();
        var doc = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/patients/search\"", doc);
        Assert.Contains("\"/eligibility\"", doc);
        Assert.Contains("\"bearer\"", doc);
        var ui = await client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Contains("swagger", await ui.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_new_clinic_starts_with_the_default_treatments_and_rule_set_version_1()
    {
        using var admin = await app.As("Admin");
        var treatments = await admin.GetStringAsync("/treatments");
        foreach (var code in new[] { "MN-PEN", "MN-ROLLER", "DRY-NEEDLING", "UC-MSC" })
        {
            Assert.Contains($"\"code\":\"{code}\"", treatments);
        }
        var versions = await admin.GetStringAsync("/rules/versions");
        Assert.Contains("\"version\":1", versions);
    }
}

public sealed class HealthAndMigrationTestsOnSqlite(SqliteApp app) : HealthAndMigrationTests(app), IClassFixture<SqliteApp>;

public sealed class HealthAndMigrationTestsOnPostgres(PostgresApp app) : HealthAndMigrationTests(app), IClassFixture<PostgresApp>;

public sealed class HealthAndMigrationTestsOnSqlServer(SqlServerApp app) : HealthAndMigrationTests(app), IClassFixture<SqlServerApp>;
