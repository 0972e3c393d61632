using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Needling.Aftercare.Data;
using Needling.Booking.Appointments;
using Needling.Booking.Data;
using Needling.Clinic.Data;
using Needling.Consent.Data;
using Needling.Patients.Data;
using Needling.Protocols.Data;
using Needling.Sessions.Data;
using Needling.SharedKernel.Caching;
using Needling.SharedKernel.Data;

namespace Needling.Api.Tests.SqlServer;

/// <summary>
/// What can be known about the SQL Server path without a SQL Server: the migrations assembly matches the model, the
/// idempotent script of every module is T-SQL that Microsoft's own parser accepts, the indexes fit SQL Server's key
/// limits, and the service's hand-written T-SQL parses. Running it against a server is SqlServerApp's tests' job
/// (README, "SQL Server"); here none runs.
/// </summary>
public sealed class SqlServerScriptTests
{
    public static TheoryData<string> Contexts => ["Clinic", "Patients", "Protocols", "Booking", "Consent", "Sessions", "Aftercare"];

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_SQL_Server_migrations_describe_the_current_model(string module)
    {
        using var db = Create(module);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {module} model has changed since its last SQL Server migration: run bash migrations/add-migration.sh <Name> {module}");
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_idempotent_SQL_Server_script_of_every_module_is_valid_T_SQL_that_creates_its_schema(string module)
    {
        using var db = Create(module);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        AssertParses(script);
        var schema = db.Model.GetDefaultSchema();
        Assert.Contains($"CREATE TABLE [{schema}].[__ef_migrations]", script);
        foreach (var table in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.FindOwnership() is null))
        {
            Assert.Contains($"CREATE TABLE [{schema}].[{table.GetTableName()}]", script);
        }
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"N'{migration}'", script);
        }
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Every_key_and_index_fits_SQL_Server_s_index_key_limits(string module)
    {
        using var db = Create(module);
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            foreach (var (name, columns, limit) in table.UniqueConstraints.Select(u => (u.Name, u.Columns, u.GetIsPrimaryKey() ? 900 : 1700))
                .Concat(table.Indexes.Select(i => (i.Name, i.Columns, 1700))))
            {
                Assert.All(columns, c => Assert.DoesNotContain("(max)", c.StoreType, StringComparison.OrdinalIgnoreCase));
                var bytes = columns.Sum(c => Bytes(c.StoreType));
                Assert.True(bytes <= limit, $"{table.Name}.{name}: {bytes} bytes of key, SQL Server allows {limit}");
            }
        }
    }

    [Fact]
    public void The_booking_lock_batch_and_the_cache_statements_are_valid_T_SQL()
    {
        // EF sends the {0}, {1} ... of a raw-SQL batch as parameters @p0, @p1 ...
        AssertParses(string.Format(System.Globalization.CultureInfo.InvariantCulture, SqlServerSlotLocks.Batch(3), "@p0", "@p1", "@p2"));
        AssertParses("DECLARE @region nvarchar(100) = N'rules';\n" + SqlServerCacheChannel.RaiseSql);
        AssertParses(SqlServerCacheChannel.ReadSql);
        AssertParses(string.Format(System.Globalization.CultureInfo.InvariantCulture, TransactionLock.SqlServerLock, "@p0"));
        AssertParses(SqlServerCacheTableInitializer.CreateSql);
        AssertParses(SqlServerCacheTableInitializer.MissingSql);
        Assert.Equal("needling.booking.practitioner.0123456789abcdef0123456789abcdef",
            SqlServerSlotLocks.Name("practitioner", Guid.Parse("01234567-89ab-cdef-0123-456789abcdef")));
    }

    private static void AssertParses(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
    }

    // Bytes a column takes in an index key, for the types the models use.
    private static int Bytes(string storeType)
    {
        var open = storeType.IndexOf('(', StringComparison.Ordinal);
        var name = (open < 0 ? storeType : storeType[..open]).ToLowerInvariant();
        var length = open < 0 ? 0 : int.Parse(storeType[(open + 1)..storeType.IndexOf(')', StringComparison.Ordinal)].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
        return name switch
        {
            "nvarchar" or "nchar" => 2 * length,
            "varchar" or "char" or "varbinary" or "binary" => length,
            "uniqueidentifier" => 16,
            "datetime2" or "datetimeoffset" or "bigint" or "float" => 10,
            "int" => 4,
            "smallint" => 2,
            "bit" or "tinyint" => 1,
            "date" => 3,
            "time" => 5,
            "decimal" or "numeric" => 17,
            _ => throw new InvalidOperationException($"No key size known for {storeType}: add it here."),
        };
    }

    private static DbContext Create(string module)
    {
        var (type, schema) = module switch
        {
            "Clinic" => (typeof(ClinicDbContext), ClinicDbContext.Schema),
            "Patients" => (typeof(PatientsDbContext), PatientsDbContext.Schema),
            "Protocols" => (typeof(ProtocolsDbContext), ProtocolsDbContext.Schema),
            "Booking" => (typeof(BookingDbContext), BookingDbContext.Schema),
            "Consent" => (typeof(ConsentDbContext), ConsentDbContext.Schema),
            "Sessions" => (typeof(SessionsDbContext), SessionsDbContext.Schema),
            "Aftercare" => (typeof(AftercareDbContext), AftercareDbContext.Schema),
            _ => throw new ArgumentOutOfRangeException(nameof(module)),
        };
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
        // No connection is opened by anything here: the server named does not exist.
        options.UseNeedlingDatabase(DatabaseProvider.SqlServer, "Server=sqlserver.invalid;Database=needling;Encrypt=False", schema);
        return (DbContext)Activator.CreateInstance(type, options.Options)!;
    }
}
