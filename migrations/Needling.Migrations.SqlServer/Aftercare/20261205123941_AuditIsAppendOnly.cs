using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.SqlServer.Aftercare
{
    /// <inheritdoc />
    public partial class AuditIsAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "patient_id",
                schema: "aftercare",
                table: "audit_log",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_patient_id_at_utc",
                schema: "aftercare",
                table: "audit_log",
                columns: new[] { "patient_id", "at_utc" });

            // Hand-written, after the column exists: earlier rows get their patient, then the table becomes append-only.
            AppendOnlyAudit.Up(migrationBuilder, "aftercare",
                new AppendOnlyAudit.PatientOf("AftercareSheet", "sheets"),
                new AppendOnlyAudit.PatientOf("FollowUp", "follow_ups"),
                new AppendOnlyAudit.PatientOf("Delivery", "deliveries"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnlyAudit.Down(migrationBuilder, "aftercare");

            migrationBuilder.DropIndex(
                name: "ix_audit_log_patient_id_at_utc",
                schema: "aftercare",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "patient_id",
                schema: "aftercare",
                table: "audit_log");
        }
    }
}
