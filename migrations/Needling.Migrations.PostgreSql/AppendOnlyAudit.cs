#nullable enable

using Microsoft.EntityFrameworkCore.Migrations;

namespace Needling.Migrations.PostgreSql;

/// <summary>
/// Migration AuditIsAppendOnly on PostgreSQL, per module schema. Earlier rows get their patient id from the record they
/// name (before the trigger exists: it is the last UPDATE these rows will see). Then UPDATE, DELETE and TRUNCATE of an
/// audit row are refused twice: by a trigger, whoever asks, and by privilege, revoked from PUBLIC, from the table's owner
/// (who could grant it back, but the service connecting as the owner no longer holds it) and from the application role
/// named by the setting needling.app_role, if that role exists (deploy/README.md, "Audit trail"). An owner or superuser
/// can still drop or disable the trigger: only a service role that owns nothing is kept out for good.
/// </summary>
internal static class AppendOnlyAudit
{
    /// <summary>An audited entity whose table leads to the patient: own column, or through the session it belongs to.</summary>
    public sealed record PatientOf(string EntityType, string Table, string Patient = "x.patient_id", string? Join = null);

    public static void Up(MigrationBuilder m, string schema, params PatientOf[] entities)
    {
        var audit = $"{schema}.audit_log";
        foreach (var e in entities)
        {
            m.Sql($"""
                UPDATE {audit} a SET patient_id = (SELECT {e.Patient} FROM {schema}.{e.Table} x {e.Join} WHERE x.id::text = a.entity_id)
                WHERE a.entity_type = '{e.EntityType}' AND a.patient_id IS NULL;
                """);
        }
        m.Sql($"""
            CREATE OR REPLACE FUNCTION {schema}.audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                RAISE EXCEPTION 'audit rows are append-only: % of %.% refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END
            $fn$;
            CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON {audit}
                FOR EACH ROW EXECUTE FUNCTION {schema}.audit_log_is_append_only();
            CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON {audit}
                FOR EACH STATEMENT EXECUTE FUNCTION {schema}.audit_log_is_append_only();
            REVOKE UPDATE, DELETE, TRUNCATE ON {audit} FROM PUBLIC;
            DO $do$
            DECLARE
                owner_role text := (SELECT tableowner FROM pg_tables WHERE schemaname = '{schema}' AND tablename = 'audit_log');
                app_role text := nullif(current_setting('needling.app_role', true), '');
            BEGIN
                EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON {audit} FROM %I', owner_role);
                IF app_role IS NOT NULL AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
                    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON {audit} FROM %I', app_role);
                END IF;
            END
            $do$;
            """);
    }

    public static void Down(MigrationBuilder m, string schema)
    {
        var audit = $"{schema}.audit_log";
        m.Sql($"""
            DROP TRIGGER IF EXISTS audit_log_no_truncate ON {audit};
            DROP TRIGGER IF EXISTS audit_log_no_update_or_delete ON {audit};
            DROP FUNCTION IF EXISTS {schema}.audit_log_is_append_only();
            DO $do$
            BEGIN
                EXECUTE format('GRANT UPDATE, DELETE, TRUNCATE ON {audit} TO %I',
                    (SELECT tableowner FROM pg_tables WHERE schemaname = '{schema}' AND tablename = 'audit_log'));
            END
            $do$;
            """);
    }
}
