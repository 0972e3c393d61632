#nullable enable

using Microsoft.EntityFrameworkCore.Migrations;

namespace Needling.Migrations.Sqlite;

/// <summary>
/// Migration AuditIsAppendOnly on SQLite, per module: earlier rows get their patient id from the record they name
/// (before the triggers exist), then triggers abort any UPDATE or DELETE of an audit row. SQLite has no roles: whoever
/// can write the file can drop a trigger, so the file's permissions (0600, the service's user) are the other half.
/// A later migration that rebuilds the table (EF Core does so for some column changes) drops the triggers with the
/// old table and must create them again.
/// </summary>
internal static class AppendOnlyAudit
{
    /// <summary>An audited entity whose table leads to the patient: own column, or through the session it belongs to.</summary>
    public sealed record PatientOf(string EntityType, string Table, string Patient = "x.patient_id", string? Join = null);

    public static void Up(MigrationBuilder m, string schema, params PatientOf[] entities)
    {
        var audit = $"{schema}_audit_log";
        foreach (var e in entities)
        {
            // EF Core stores a Guid as upper-case text; the audit row names it as Guid.ToString() writes it, lower-case.
            m.Sql($"""
                UPDATE {audit} SET patient_id = (SELECT {e.Patient} FROM {schema}_{e.Table} x {e.Join} WHERE lower(x.id) = {audit}.entity_id)
                WHERE entity_type = '{e.EntityType}' AND patient_id IS NULL;
                """);
        }
        m.Sql($"""
            CREATE TRIGGER {audit}_no_update BEFORE UPDATE ON {audit}
            BEGIN SELECT RAISE(ABORT, 'audit rows are append-only: UPDATE of {audit} refused'); END;
            """);
        m.Sql($"""
            CREATE TRIGGER {audit}_no_delete BEFORE DELETE ON {audit}
            BEGIN SELECT RAISE(ABORT, 'audit rows are append-only: DELETE of {audit} refused'); END;
            """);
    }

    public static void Down(MigrationBuilder m, string schema)
    {
        m.Sql($"DROP TRIGGER IF EXISTS {schema}_audit_log_no_update;");
        m.Sql($"DROP TRIGGER IF EXISTS {schema}_audit_log_no_delete;");
    }
}
