using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Booking
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "booking_appointment_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    appointment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    from_status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    to_status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_appointment_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "booking_appointments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    patient_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    room_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    device_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    treatment_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    indication = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    start_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    end_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    patient_initials = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    cancel_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    eligibility_outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    rule_set_version = table.Column<int>(type: "INTEGER", nullable: false),
                    warnings_json = table.Column<string>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_appointments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "booking_audit_log",
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
                    table.PrimaryKey("pk_booking_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "booking_calendar_feeds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    revoked_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_calendar_feeds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "booking_idempotency_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    request_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "INTEGER", nullable: false),
                    response_json = table.Column<string>(type: "TEXT", nullable: false),
                    location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_idempotency_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "booking_leave",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_leave", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "booking_outbox",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    occurred_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    processed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    locked_until_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "booking_schedule_exceptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    start = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    end = table.Column<TimeOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_schedule_exceptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "booking_working_periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    end = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_working_periods", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_booking_appointment_events_appointment_id",
                table: "booking_appointment_events",
                column: "appointment_id");

            migrationBuilder.CreateIndex(
                name: "ix_booking_appointments_device_id_start_utc",
                table: "booking_appointments",
                columns: new[] { "device_id", "start_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_booking_appointments_patient_id_start_utc",
                table: "booking_appointments",
                columns: new[] { "patient_id", "start_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_booking_appointments_practitioner_id_start_utc",
                table: "booking_appointments",
                columns: new[] { "practitioner_id", "start_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_booking_appointments_room_id_start_utc",
                table: "booking_appointments",
                columns: new[] { "room_id", "start_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_booking_audit_log_at_utc",
                table: "booking_audit_log",
                column: "at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_booking_audit_log_entity_type_entity_id",
                table: "booking_audit_log",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_booking_calendar_feeds_practitioner_id",
                table: "booking_calendar_feeds",
                column: "practitioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_booking_calendar_feeds_token_hash",
                table: "booking_calendar_feeds",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_booking_idempotency_keys_scope_key",
                table: "booking_idempotency_keys",
                columns: new[] { "scope", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_booking_leave_practitioner_id_from_date",
                table: "booking_leave",
                columns: new[] { "practitioner_id", "from_date" });

            migrationBuilder.CreateIndex(
                name: "ix_booking_outbox_processed_at_utc_occurred_at_utc",
                table: "booking_outbox",
                columns: new[] { "processed_at_utc", "occurred_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_booking_schedule_exceptions_practitioner_id_date",
                table: "booking_schedule_exceptions",
                columns: new[] { "practitioner_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_booking_working_periods_practitioner_id",
                table: "booking_working_periods",
                column: "practitioner_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "booking_appointment_events");

            migrationBuilder.DropTable(
                name: "booking_appointments");

            migrationBuilder.DropTable(
                name: "booking_audit_log");

            migrationBuilder.DropTable(
                name: "booking_calendar_feeds");

            migrationBuilder.DropTable(
                name: "booking_idempotency_keys");

            migrationBuilder.DropTable(
                name: "booking_leave");

            migrationBuilder.DropTable(
                name: "booking_outbox");

            migrationBuilder.DropTable(
                name: "booking_schedule_exceptions");

            migrationBuilder.DropTable(
                name: "booking_working_periods");
        }
    }
}
