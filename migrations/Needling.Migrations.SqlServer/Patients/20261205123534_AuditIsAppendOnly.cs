using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.SqlServer.Patients
{
    /// <inheritdoc />
    public partial class AuditIsAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "patient_id",
                schema: "patients",
                table: "audit_log",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_patient_id_at_utc",
                schema: "patients",
                table: "audit_log",
                columns: new[] { "patient_id", "at_utc" });

            // Hand-written, after the column exists: earlier rows get their patient, then the table becomes append-only.
            AppendOnlyAudit.Up(migrationBuilder, "patients",
                new AppendOnlyAudit.PatientOf("Patient", "patients", "x.id"),
                new AppendOnlyAudit.PatientOf("ScreeningEntry", "screening_entries"),
                new AppendOnlyAudit.PatientOf("ScreeningConfirmation", "screening_confirmations"),
                new AppendOnlyAudit.PatientOf("ScreeningAnswerRecord", "screening_answers"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnlyAudit.Down(migrationBuilder, "patients");

            migrationBuilder.DropIndex(
                name: "ix_audit_log_patient_id_at_utc",
                schema: "patients",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "patient_id",
                schema: "patients",
                table: "audit_log");
        }
    }
}
