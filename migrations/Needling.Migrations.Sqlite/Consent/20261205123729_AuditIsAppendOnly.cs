using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Consent
{
    /// <inheritdoc />
    public partial class AuditIsAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "patient_id",
                table: "consent_audit_log",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_consent_audit_log_patient_id_at_utc",
                table: "consent_audit_log",
                columns: new[] { "patient_id", "at_utc" });

            // Hand-written, after the column exists: earlier rows get their patient, then the table becomes append-only.
            AppendOnlyAudit.Up(migrationBuilder, "consent",
                new AppendOnlyAudit.PatientOf("ConsentRequest", "requests"),
                new AppendOnlyAudit.PatientOf("SignedConsent", "signed_consents"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AppendOnlyAudit.Down(migrationBuilder, "consent");

            migrationBuilder.DropIndex(
                name: "ix_consent_audit_log_patient_id_at_utc",
                table: "consent_audit_log");

            migrationBuilder.DropColumn(
                name: "patient_id",
                table: "consent_audit_log");
        }
    }
}
