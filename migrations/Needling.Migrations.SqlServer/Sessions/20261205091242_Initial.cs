using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.SqlServer.Sessions
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "sessions");

            migrationBuilder.CreateTable(
                name: "audit_log",
                schema: "sessions",
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
                name: "outbox",
                schema: "sessions",
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
                name: "session_amendments",
                schema: "sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    session_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    number = table.Column<int>(type: "int", nullable: false),
                    reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    record_json = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    rule_set_version = table.Column<int>(type: "int", nullable: false),
                    by = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_amendments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "session_events",
                schema: "sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    appointment_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    session_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    action = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    rule_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    actor = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    detail = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "session_overrides",
                schema: "sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    session_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    stage = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    amendment_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    rule_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    rule_version = table.Column<int>(type: "int", nullable: false),
                    rule_set_version = table.Column<int>(type: "int", nullable: false),
                    finding = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    by = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_overrides", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                schema: "sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    appointment_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    patient_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    device_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    treatment_code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    indication = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    appointment_start_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    started_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    started_by = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    planned_areas_json = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    rule_set_version = table.Column<int>(type: "int", nullable: false),
                    eligibility_outcome = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    consent_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    record_json = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    record_rule_set_version = table.Column<int>(type: "int", nullable: true),
                    recorded_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    signed_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    signed_by = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    next_eligible_on = table.Column<DateOnly>(type: "date", nullable: true),
                    revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at_utc",
                schema: "sessions",
                table: "audit_log",
                column: "at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_entity_type_entity_id",
                schema: "sessions",
                table: "audit_log",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_occurred_at_utc",
                schema: "sessions",
                table: "outbox",
                column: "occurred_at_utc",
                filter: "processed_at_utc IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_processed_at_utc",
                schema: "sessions",
                table: "outbox",
                column: "processed_at_utc",
                filter: "processed_at_utc IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_session_amendments_session_id_number",
                schema: "sessions",
                table: "session_amendments",
                columns: new[] { "session_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_session_events_appointment_id",
                schema: "sessions",
                table: "session_events",
                column: "appointment_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_events_session_id",
                schema: "sessions",
                table: "session_events",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_overrides_session_id",
                schema: "sessions",
                table: "session_overrides",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_appointment_id",
                schema: "sessions",
                table: "sessions",
                column: "appointment_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sessions_patient_id_started_at_utc",
                schema: "sessions",
                table: "sessions",
                columns: new[] { "patient_id", "started_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log",
                schema: "sessions");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "sessions");

            migrationBuilder.DropTable(
                name: "session_amendments",
                schema: "sessions");

            migrationBuilder.DropTable(
                name: "session_events",
                schema: "sessions");

            migrationBuilder.DropTable(
                name: "session_overrides",
                schema: "sessions");

            migrationBuilder.DropTable(
                name: "sessions",
                schema: "sessions");
        }
    }
}
