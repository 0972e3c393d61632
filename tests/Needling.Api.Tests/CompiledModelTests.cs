using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Needling.Booking.Data;
using Needling.Clinic.Data;
using Needling.Consent.Data;
using Needling.Sessions.Data;
using Needling.Aftercare.Data;
using Needling.Migrations.Sqlite;
using Needling.Patients.Data;
using Needling.Protocols.Data;
using Needling.SharedKernel.Data;

namespace Needling.Api.Tests;

/// <summary>
/// On SQLite the service uses EF Core models compiled ahead of time (migrations/optimize-sqlite.sh), not the
/// ones OnModelCreating builds. A stale compiled model would read and write the wrong columns without an error,
/// so each must describe exactly what the code describes.
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<string> Contexts => ["Clinic", "Patients", "Protocols", "Booking", "Consent", "Sessions", "Aftercare"];

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_compiled_SQLite_model_matches_the_code(string module)
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
        using var fromCode = Create(type, schema, model: null);
        using var compiled = Create(type, schema, SqliteCompiledModels.Models[type]());

        // EF's own model differ needs design-time data that a compiled model does not keep; compare a description.
        Assert.Equal(Describe(fromCode.Model), Describe(compiled.Model));
    }

    [Fact]
    public void Every_module_context_has_a_compiled_SQLite_model()
    {
        var contexts = typeof(ClinicDbContext).Assembly.GetTypes()
            .Concat(typeof(PatientsDbContext).Assembly.GetTypes())
            .Concat(typeof(ProtocolsDbContext).Assembly.GetTypes())
            .Concat(typeof(BookingDbContext).Assembly.GetTypes())
            .Concat(typeof(ConsentDbContext).Assembly.GetTypes())
            .Concat(typeof(SessionsDbContext).Assembly.GetTypes())
            .Concat(typeof(AftercareDbContext).Assembly.GetTypes())
            .Where(t => t.IsSubclassOf(typeof(DbContext)));
        Assert.All(contexts, c => Assert.True(SqliteCompiledModels.Models.ContainsKey(c), $"{c.Name} has no compiled model: run bash migrations/optimize-sqlite.sh"));
    }

    private static DbContext Create(Type type, string schema, IModel? model)
    {
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
        options.UseNeedlingDatabase(DatabaseProvider.Sqlite, "Data Source=:memory:", schema);
        if (model is not null)
        {
            options.UseModel(model);
        }
        return (DbContext)Activator.CreateInstance(type, options.Options)!;
    }

    // Everything that decides which table, column, type and key a value goes to, and how it is converted.
    private static string Describe(IModel model)
    {
        var text = new StringBuilder();
        foreach (var e in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            text.AppendLine($"{e.Name} table={e.GetTableName()} schema={e.GetSchema()} owned={e.IsOwned()} base={e.BaseType?.Name}");
            foreach (var p in e.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var mapping = p.GetRelationalTypeMapping();
                text.AppendLine($"  property {p.Name}: {p.ClrType} column={p.GetColumnName()} store={mapping.StoreType} nullable={p.IsNullable} " +
                                $"max={p.GetMaxLength()} converter={mapping.Converter?.ModelClrType}->{mapping.Converter?.ProviderClrType} " +
                                $"concurrency={p.IsConcurrencyToken} generated={p.ValueGenerated} shadow={p.IsShadowProperty()} " +
                                $"default={p.GetDefaultValue()} sql={p.GetDefaultValueSql()} computed={p.GetComputedColumnSql()}");
            }
            foreach (var k in e.GetKeys().OrderBy(k => k.GetName(), StringComparer.Ordinal))
            {
                text.AppendLine($"  key {k.GetName()} ({string.Join(",", k.Properties.Select(p => p.Name))}) primary={k.IsPrimaryKey()}");
            }
            foreach (var i in e.GetIndexes().OrderBy(i => i.GetDatabaseName(), StringComparer.Ordinal))
            {
                text.AppendLine($"  index {i.GetDatabaseName()} ({string.Join(",", i.Properties.Select(p => p.Name))}) unique={i.IsUnique} filter={i.GetFilter()}");
            }
            foreach (var f in e.GetForeignKeys().OrderBy(f => f.GetConstraintName(), StringComparer.Ordinal))
            {
                text.AppendLine($"  fk {f.GetConstraintName()} ({string.Join(",", f.Properties.Select(p => p.Name))}) -> {f.PrincipalEntityType.Name} " +
                                $"delete={f.DeleteBehavior} required={f.IsRequired} unique={f.IsUnique} ownership={f.IsOwnership}");
            }
            foreach (var n in e.GetNavigations().OrderBy(n => n.Name, StringComparer.Ordinal))
            {
                text.AppendLine($"  navigation {n.Name} -> {n.TargetEntityType.Name} collection={n.IsCollection} access={n.GetPropertyAccessMode()}");
            }
            foreach (var filter in e.GetDeclaredQueryFilters())
            {
                text.AppendLine($"  filter {filter.Key} {filter.Expression}");
            }
        }
        return text.ToString();
    }
}
