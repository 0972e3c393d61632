using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Sessions
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sessions_audit_log",
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
                    table.PrimaryKey("pk_sessions_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sessions_outbox",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    occurred_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    processed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    locked_until_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sessions_session_amendments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    session_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    record_json = table.Column<string>(type: "TEXT", nullable: false),
                    rule_set_version = table.Column<int>(type: "INTEGER", nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions_session_amendments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sessions_session_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    appointment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    session_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    rule_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions_session_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sessions_session_overrides",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    session_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    amendment_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    rule_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    rule_version = table.Column<int>(type: "INTEGER", nullable: false),
                    rule_set_version = table.Column<int>(type: "INTEGER", nullable: false),
                    finding = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions_session_overrides", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sessions_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    appointment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    patient_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    device_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    treatment_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    indication = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    appointment_start_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    planned_areas_json = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    rule_set_version = table.Column<int>(type: "INTEGER", nullable: false),
                    eligibility_outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    consent_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    record_json = table.Column<string>(type: "TEXT", nullable: true),
                    record_rule_set_version = table.Column<int>(type: "INTEGER", nullable: true),
                    recorded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    signed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    signed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    next_eligible_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions_sessions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_audit_log_at_utc",
                table: "sessions_audit_log",
                column: "at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_audit_log_entity_type_entity_id",
                table: "sessions_audit_log",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_outbox_occurred_at_utc",
                table: "sessions_outbox",
                column: "occurred_at_utc",
                filter: "processed_at_utc IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_outbox_processed_at_utc",
                table: "sessions_outbox",
                column: "processed_at_utc",
                filter: "processed_at_utc IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_session_amendments_session_id_number",
                table: "sessions_session_amendments",
                columns: new[] { "session_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sessions_session_events_appointment_id",
                table: "sessions_session_events",
                column: "appointment_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_session_events_session_id",
                table: "sessions_session_events",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_session_overrides_session_id",
                table: "sessions_session_overrides",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_sessions_appointment_id",
                table: "sessions_sessions",
                column: "appointment_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sessions_sessions_patient_id_started_at_utc",
                table: "sessions_sessions",
                columns: new[] { "patient_id", "started_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sessions_audit_log");

            migrationBuilder.DropTable(
                name: "sessions_outbox");

            migrationBuilder.DropTable(
                name: "sessions_session_amendments");

            migrationBuilder.DropTable(
                name: "sessions_session_events");

            migrationBuilder.DropTable(
                name: "sessions_session_overrides");

            migrationBuilder.DropTable(
                name: "sessions_sessions");
        }
    }
}
