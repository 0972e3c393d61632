using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Clinic
{
    /// <inheritdoc />
    public partial class AuditIsAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "auditor",
                table: "clinic_staff_accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "patient_id",
                table: "clinic_audit_log",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_clinic_audit_log_patient_id_at_utc",
                table: "clinic_audit_log",
                columns: new[] { "patient_id", "at_utc" });

            // Hand-written, after the column exists: earlier rows get their patient, then the table becomes append-only.
            AppendOnlyAudit.Up(migrationBuilder, "clinic");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnlyAudit.Down(migrationBuilder, "clinic");

            migrationBuilder.DropIndex(
                name: "ix_clinic_audit_log_patient_id_at_utc",
                table: "clinic_audit_log");

            migrationBuilder.DropColumn(
                name: "auditor",
                table: "clinic_staff_accounts");

            migrationBuilder.DropColumn(
                name: "patient_id",
                table: "clinic_audit_log");
        }
    }
}
