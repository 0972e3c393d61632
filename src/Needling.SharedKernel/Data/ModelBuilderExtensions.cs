using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Needling.SharedKernel.Concurrency;

namespace Needling.SharedKernel.Data;

public static class ModelBuilderExtensions
{
    private static readonly ValueConverter<DateTime, DateTime> Utc =
        new(v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime?, DateTime?> NullableUtc =
        new(v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime()) : v,
            v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

    /// <summary>
    /// Call last in OnModelCreating. Puts the module's tables in its own schema (PostgreSQL, SQL Server) or behind a
    /// "schema_" prefix (SQLite has no schemas), names tables and columns in snake_case so that an IT person
    /// can query them by hand, reads every DateTime back as UTC (SQLite forgets the kind), and makes the version of
    /// every <see cref="IVersioned"/> record its concurrency token.
    /// </summary>
    public static void UseModuleConventions(this ModelBuilder model, string schema, bool isSqlite)
    {
        if (!isSqlite)
        {
            model.HasDefaultSchema(schema);
        }
        // Read every name first: owned types that share their owner's table must follow it, not be renamed twice.
        var tables = model.Model.GetEntityTypes().Select(e => (Entity: e, Table: e.GetTableName())).ToList();
        foreach (var (entity, table) in tables.Where(t => t.Table is not null))
        {
            entity.SetTableName(isSqlite ? $"{schema}_{SnakeCase(table!)}" : SnakeCase(table!));
            entity.SetSchema(isSqlite ? null : schema);
        }
        foreach (var entity in model.Model.GetEntityTypes())
        {
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
            {
                entity.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken = true;
            }
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.GetColumnName()));
                if (property.ClrType == typeof(DateTime))
                {
                    property.SetValueConverter(Utc);
                }
                else if (property.ClrType == typeof(DateTime?))
                {
                    property.SetValueConverter(NullableUtc);
                }
            }
            foreach (var key in entity.GetKeys())
            {
                key.SetName(SnakeCase(key.GetName() ?? string.Empty));
            }
            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(SnakeCase(index.GetDatabaseName() ?? string.Empty));
            }
            foreach (var fk in entity.GetForeignKeys())
            {
                fk.SetConstraintName(SnakeCase(fk.GetConstraintName() ?? string.Empty));
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]) && i > 0 && char.IsUpper(name[i - 1]);
                if (previousIsLowerOrDigit || nextIsLower)
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
