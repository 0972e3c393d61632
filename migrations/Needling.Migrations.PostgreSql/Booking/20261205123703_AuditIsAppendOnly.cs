using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.PostgreSql.Booking
{
    /// <inheritdoc />
    public partial class AuditIsAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "patient_id",
                schema: "booking",
                table: "audit_log",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_patient_id_at_utc",
                schema: "booking",
                table: "audit_log",
                columns: new[] { "patient_id", "at_utc" });

            // Hand-written, after the column exists: earlier rows get their patient, then the table becomes append-only.
            AppendOnlyAudit.Up(migrationBuilder, "booking",
                new AppendOnlyAudit.PatientOf("Appointment", "appointments"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnlyAudit.Down(migrationBuilder, "booking");

            migrationBuilder.DropIndex(
                name: "ix_audit_log_patient_id_at_utc",
                schema: "booking",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "patient_id",
                schema: "booking",
                table: "audit_log");
        }
    }
}
