using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Consent
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consent_audit_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    fields = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consent_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "consent_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    patient_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    treatment_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    appointment_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    signed_consent_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consent_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "consent_signed_consents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    patient_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    treatment_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    template_version = table.Column<int>(type: "INTEGER", nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    typed_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    signature_png = table.Column<byte[]>(type: "BLOB", nullable: false),
                    signed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    pdf = table.Column<byte[]>(type: "BLOB", nullable: false),
                    pdf_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    expires_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    withdrawn_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    withdrawn_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    withdrawal_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consent_signed_consents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "consent_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    treatment_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    content_json = table.Column<string>(type: "TEXT", nullable: false),
                    requires_reconsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    published_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    published_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consent_templates", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_consent_audit_log_at_utc",
                table: "consent_audit_log",
                column: "at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_consent_audit_log_entity_type_entity_id",
                table: "consent_audit_log",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_consent_requests_appointment_id",
                table: "consent_requests",
                column: "appointment_id");

            migrationBuilder.CreateIndex(
                name: "ix_consent_requests_patient_id_treatment_code_status",
                table: "consent_requests",
                columns: new[] { "patient_id", "treatment_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_consent_signed_consents_patient_id_treatment_code_signed_at_utc",
                table: "consent_signed_consents",
                columns: new[] { "patient_id", "treatment_code", "signed_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_consent_signed_consents_request_id",
                table: "consent_signed_consents",
                column: "request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_consent_templates_treatment_code_version_language",
                table: "consent_templates",
                columns: new[] { "treatment_code", "version", "language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consent_audit_log");

            migrationBuilder.DropTable(
                name: "consent_requests");

            migrationBuilder.DropTable(
                name: "consent_signed_consents");

            migrationBuilder.DropTable(
                name: "consent_templates");
        }
    }
}
