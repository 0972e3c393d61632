using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.SqlServer.Consent
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "consent");

            migrationBuilder.CreateTable(
                name: "audit_log",
                schema: "consent",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    actor = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    entity_type = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    fields = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "consent",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    consumer = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    handled_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "consent",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    type = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    occurred_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    processed_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    locked_until_utc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "requests",
                schema: "consent",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    patient_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    treatment_code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    appointment_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    signed_consent_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "signed_consents",
                schema: "consent",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    request_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    patient_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    treatment_code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    template_version = table.Column<int>(type: "int", nullable: false),
                    language = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    typed_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    signature_png = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    signed_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    channel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ip_address = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    pdf = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    pdf_sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    expires_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    withdrawn_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    withdrawn_by = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    withdrawal_reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signed_consents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "templates",
                schema: "consent",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    treatment_code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    version = table.Column<int>(type: "int", nullable: false),
                    language = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    content_json = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    requires_reconsent = table.Column<bool>(type: "bit", nullable: false),
                    published_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    published_by = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upcoming_appointments",
                schema: "consent",
                columns: table => new
                {
                    appointment_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    patient_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    treatment_code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    start_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upcoming_appointments", x => x.appointment_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at_utc",
                schema: "consent",
                table: "audit_log",
                column: "at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_entity_type_entity_id",
                schema: "consent",
                table: "audit_log",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_inbox_handled_at_utc",
                schema: "consent",
                table: "inbox",
                column: "handled_at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_occurred_at_utc",
                schema: "consent",
                table: "outbox",
                column: "occurred_at_utc",
                filter: "processed_at_utc IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_processed_at_utc",
                schema: "consent",
                table: "outbox",
                column: "processed_at_utc",
                filter: "processed_at_utc IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_requests_appointment_id",
                schema: "consent",
                table: "requests",
                column: "appointment_id");

            migrationBuilder.CreateIndex(
                name: "ix_requests_patient_id_treatment_code_status",
                schema: "consent",
                table: "requests",
                columns: new[] { "patient_id", "treatment_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_signed_consents_patient_id_treatment_code_signed_at_utc",
                schema: "consent",
                table: "signed_consents",
                columns: new[] { "patient_id", "treatment_code", "signed_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_signed_consents_request_id",
                schema: "consent",
                table: "signed_consents",
                column: "request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_templates_treatment_code_version_language",
                schema: "consent",
                table: "templates",
                columns: new[] { "treatment_code", "version", "language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_upcoming_appointments_patient_id_treatment_code_start_utc",
                schema: "consent",
                table: "upcoming_appointments",
                columns: new[] { "patient_id", "treatment_code", "start_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_upcoming_appointments_treatment_code_start_utc",
                schema: "consent",
                table: "upcoming_appointments",
                columns: new[] { "treatment_code", "start_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log",
                schema: "consent");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "consent");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "consent");

            migrationBuilder.DropTable(
                name: "requests",
                schema: "consent");

            migrationBuilder.DropTable(
                name: "signed_consents",
                schema: "consent");

            migrationBuilder.DropTable(
                name: "templates",
                schema: "consent");

            migrationBuilder.DropTable(
                name: "upcoming_appointments",
                schema: "consent");
        }
    }
}
