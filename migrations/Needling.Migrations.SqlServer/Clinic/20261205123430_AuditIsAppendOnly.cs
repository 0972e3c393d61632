using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.SqlServer.Clinic
{
    /// <inheritdoc />
    public partial class AuditIsAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "auditor",
                schema: "clinic",
                table: "staff_accounts",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "patient_id",
                schema: "clinic",
                table: "audit_log",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_patient_id_at_utc",
                schema: "clinic",
                table: "audit_log",
                columns: new[] { "patient_id", "at_utc" });

            // Hand-written, after the column exists: earlier rows get their patient, then the table becomes append-only.
            AppendOnlyAudit.Up(migrationBuilder, "clinic");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnlyAudit.Down(migrationBuilder, "clinic");

            migrationBuilder.DropIndex(
                name: "ix_audit_log_patient_id_at_utc",
                schema: "clinic",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "auditor",
                schema: "clinic",
                table: "staff_accounts");

            migrationBuilder.DropColumn(
                name: "patient_id",
                schema: "clinic",
                table: "audit_log");
        }
    }
}
