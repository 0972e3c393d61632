using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Needling.Api.Tests.Support;
using Needling.Patients.Data;
using Needling.Patients.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Data;

namespace Needling.Api.Tests.Patients;

/// <summary>
/// Migration ScreeningAreasToVocabulary on a real database: rows written as they were before the body-area list,
/// then the migration applied by EF Core's migrator exactly as the service applies it on start.
/// </summary>
public abstract class FreeTextAreaMigrationTests(Provider provider)
{
    [Fact]
    public async Task Free_text_areas_become_body_area_codes_and_those_that_cannot_be_mapped_apply_everywhere_with_the_old_text_in_the_notes()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var options = new DbContextOptionsBuilder<PatientsDbContext>();
        options.UseNeedlingDatabase(provider == Provider.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql, database.ConnectionString, PatientsDbContext.Schema);
        await using var db = new PatientsDbContext(options.Options);
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_ScreeningAreasToVocabulary", StringComparison.Ordinal)).Last();
        await migrator.MigrateAsync(before);

        // The patient as the schema of then holds it (today's model has columns added since, such as its version).
        var patient = new Patient { GivenName = "Old", FamilyName = "Areas", DateOfBirth = new DateOnly(1980, 1, 1), PreferredLanguage = "en" };
        const string Columns = " (id, given_name, family_name, date_of_birth, preferred_language, registered_at_utc, search_name) VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6})";
        await db.Database.ExecuteSqlRawAsync(
            provider == Provider.Sqlite ? "INSERT INTO patients_patients" + Columns : "INSERT INTO patients.patients" + Columns,
            patient.Id, patient.GivenName, patient.FamilyName, patient.DateOfBirth, patient.PreferredLanguage, DateTime.UtcNow, "old areas");
        (string? Area, string? Notes)[] old =
        [
            ("Eyes", null), (" left cheek ", "small patch"), ("LIPS", null), ("cheeks", null), ("left_arm", null), ("Under-eyes", null),
            ("décolletage", null), ("behind the knee", null), ("arm", "itchy"), ("O'Brien's spot", null), (null, null),
        ];
        var rows = old.Select(o => new ScreeningEntry
        {
            PatientId = patient.Id, EntryKey = Guid.NewGuid(), Revision = 1, Kind = ScreeningKinds.SkinFinding, Code = "active-infection",
            Area = o.Area, Notes = o.Notes, StartedOn = new DateOnly(2026, 1, 1), RecordedBy = "desk", RecordedAtUtc = DateTime.UtcNow,
        }).ToList();
        db.ScreeningEntries.AddRange(rows);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        await migrator.MigrateAsync();

        var after = await db.ScreeningEntries.AsNoTracking().ToDictionaryAsync(e => e.Id);
        (string? Area, string? Notes) Now(int i) => (after[rows[i].Id].Area, after[rows[i].Id].Notes);
        Assert.Equal(("periorbital", null), Now(0));
        Assert.Equal(("cheeks", "small patch"), Now(1));
        Assert.Equal(("upper-lip", null), Now(2));
        Assert.Equal(("cheeks", null), Now(3));
        Assert.Equal(("arm-left", null), Now(4));
        Assert.Equal(("periorbital", null), Now(5));
        Assert.Equal(("chest", null), Now(6));
        Assert.Equal((null, "Area recorded as 'behind the knee' before the area list."), Now(7));
        // A side-less "arm" is not guessed: NULL counts for both arms (and everywhere), the cautious reading.
        Assert.Equal((null, "Area recorded as 'arm' before the area list. itchy"), Now(8));
        Assert.Equal((null, "Area recorded as 'O'Brien's spot' before the area list."), Now(9));
        Assert.Equal((null, null), Now(10));

        // Every changed row leaves an audit row, naming the fields and never the values; untouched rows leave none.
        var audit = await db.Set<AuditRecord>().AsNoTracking().Where(a => a.EntityType == nameof(ScreeningEntry)).ToListAsync();
        Assert.Equal(9, audit.Count);
        Assert.All(audit, a => Assert.Equal(("system", "updated"), (a.Actor, a.Action)));
        Assert.Equal("Area,Notes", audit.Single(a => a.EntityId == rows[7].Id.ToString()).Fields);
        Assert.Equal("Area", audit.Single(a => a.EntityId == rows[0].Id.ToString()).Fields);
        Assert.DoesNotContain(audit, a => a.EntityId == rows[3].Id.ToString());
    }

    [Fact]
    public void Every_code_the_migration_maps_to_is_a_code_of_the_body_area_list()
    {
        Assert.All(FreeTextAreaMigration.Map, m => Assert.True(Needling.ClinicalRules.BodyAreaVocabulary.Default.Contains(m.Code), m.Code));
    }
}

public sealed class FreeTextAreaMigrationTestsOnSqlite() : FreeTextAreaMigrationTests(Provider.Sqlite);

public sealed class FreeTextAreaMigrationTestsOnPostgres() : FreeTextAreaMigrationTests(Provider.PostgreSql);

// Not on SQL Server: its migrations start after this data migration (a new SQL Server database never held free-text
// areas), so there is no migration there to test (migrations/README.md, "SQL Server").
