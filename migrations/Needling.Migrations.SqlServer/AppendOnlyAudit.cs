#nullable enable

using Microsoft.EntityFrameworkCore.Migrations;

namespace Needling.Migrations.SqlServer;

/// <summary>
/// Migration AuditIsAppendOnly on SQL Server, per module schema: earlier rows get their patient id from the record they
/// name (before the trigger exists), then an INSTEAD OF UPDATE, DELETE trigger refuses any change to an audit row, and
/// UPDATE and DELETE are denied to public (every user of the database; the owner, dbo and sysadmin are not held by a
/// DENY, and can drop the trigger: run the service as a user that owns nothing, deploy/README.md). TRUNCATE fires no
/// trigger; it needs ALTER on the table, which a service user without ownership does not have.
/// </summary>
internal static class AppendOnlyAudit
{
    /// <summary>An audited entity whose table leads to the patient: own column, or through the session it belongs to.</summary>
    public sealed record PatientOf(string EntityType, string Table, string Patient = "x.patient_id", string? Join = null);

    public static void Up(MigrationBuilder m, string schema, params PatientOf[] entities)
    {
        var audit = $"[{schema}].[audit_log]";
        foreach (var e in entities)
        {
            Exec(m, $"""
                UPDATE a SET patient_id = (SELECT {e.Patient} FROM [{schema}].[{e.Table}] x {e.Join} WHERE LOWER(CONVERT(nvarchar(36), x.id)) = a.entity_id)
                FROM {audit} a WHERE a.entity_type = N'{e.EntityType}' AND a.patient_id IS NULL;
                """);
        }
        Exec(m, $"""
            CREATE TRIGGER [{schema}].[audit_log_is_append_only] ON {audit} INSTEAD OF UPDATE, DELETE
            AS
            BEGIN
                SET NOCOUNT ON;
                THROW 50001, N'audit rows are append-only: UPDATE or DELETE of {schema}.audit_log refused', 1;
            END;
            """);
        m.Sql($"DENY UPDATE, DELETE ON {audit} TO [public];");
    }

    /// <summary>
    /// Through EXEC: the idempotent script puts each statement inside IF ... BEGIN ... END, where CREATE TRIGGER may not
    /// stand, and compiles a batch before the column added just before it exists.
    /// </summary>
    private static void Exec(MigrationBuilder m, string sql) => m.Sql($"EXEC(N'{sql.Replace("'", "''", StringComparison.Ordinal)}');");

    public static void Down(MigrationBuilder m, string schema)
    {
        m.Sql($"REVOKE UPDATE, DELETE ON [{schema}].[audit_log] TO [public];");
        Exec(m, $"DROP TRIGGER IF EXISTS [{schema}].[audit_log_is_append_only];");
    }
}
