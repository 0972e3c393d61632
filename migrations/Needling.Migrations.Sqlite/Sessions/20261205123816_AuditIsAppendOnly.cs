using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Sessions
{
    /// <inheritdoc />
    public partial class AuditIsAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "patient_id",
                table: "sessions_audit_log",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_sessions_audit_log_patient_id_at_utc",
                table: "sessions_audit_log",
                columns: new[] { "patient_id", "at_utc" });

            // Hand-written, after the column exists: earlier rows get their patient, then the table becomes append-only.
            AppendOnlyAudit.Up(migrationBuilder, "sessions",
                new AppendOnlyAudit.PatientOf("TreatmentSession", "sessions"),
                new AppendOnlyAudit.PatientOf("SessionOverride", "session_overrides", "s.patient_id", "JOIN sessions_sessions s ON s.id = x.session_id"),
                new AppendOnlyAudit.PatientOf("SessionAmendment", "session_amendments", "s.patient_id", "JOIN sessions_sessions s ON s.id = x.session_id"),
                new AppendOnlyAudit.PatientOf("SessionEvent", "session_events", "s.patient_id", "JOIN sessions_sessions s ON s.appointment_id = x.appointment_id"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnlyAudit.Down(migrationBuilder, "sessions");

            migrationBuilder.DropIndex(
                name: "ix_sessions_audit_log_patient_id_at_utc",
                table: "sessions_audit_log");

            migrationBuilder.DropColumn(
                name: "patient_id",
                table: "sessions_audit_log");
        }
    }
}
