using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.PostgreSql.Booking
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "booking");

            migrationBuilder.CreateTable(
                name: "appointment_events",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    appointment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    from_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    to_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appointment_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "appointments",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    room_id = table.Column<Guid>(type: "uuid", nullable: false),
                    device_id = table.Column<Guid>(type: "uuid", nullable: true),
                    treatment_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    indication = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    start_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    end_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    patient_initials = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cancel_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    eligibility_outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    rule_set_version = table.Column<int>(type: "integer", nullable: false),
                    warnings_json = table.Column<string>(type: "text", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appointments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    fields = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    revoked_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_feeds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: false),
                    response_json = table.Column<string>(type: "text", nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "leave",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_date = table.Column<DateOnly>(type: "date", nullable: false),
                    to_date = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leave", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    occurred_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    processed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    locked_until_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "schedule_exceptions",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    start = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    end = table.Column<TimeOnly>(type: "time without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_schedule_exceptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "working_periods",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    end = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_working_periods", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_appointment_events_appointment_id",
                schema: "booking",
                table: "appointment_events",
                column: "appointment_id");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_device_id_start_utc",
                schema: "booking",
                table: "appointments",
                columns: new[] { "device_id", "start_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_patient_id_start_utc",
                schema: "booking",
                table: "appointments",
                columns: new[] { "patient_id", "start_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_practitioner_id_start_utc",
                schema: "booking",
                table: "appointments",
                columns: new[] { "practitioner_id", "start_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_room_id_start_utc",
                schema: "booking",
                table: "appointments",
                columns: new[] { "room_id", "start_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at_utc",
                schema: "booking",
                table: "audit_log",
                column: "at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_entity_type_entity_id",
                schema: "booking",
                table: "audit_log",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_practitioner_id",
                schema: "booking",
                table: "calendar_feeds",
                column: "practitioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_token_hash",
                schema: "booking",
                table: "calendar_feeds",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_scope_key",
                schema: "booking",
                table: "idempotency_keys",
                columns: new[] { "scope", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_leave_practitioner_id_from_date",
                schema: "booking",
                table: "leave",
                columns: new[] { "practitioner_id", "from_date" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_processed_at_utc_occurred_at_utc",
                schema: "booking",
                table: "outbox",
                columns: new[] { "processed_at_utc", "occurred_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_schedule_exceptions_practitioner_id_date",
                schema: "booking",
                table: "schedule_exceptions",
                columns: new[] { "practitioner_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_working_periods_practitioner_id",
                schema: "booking",
                table: "working_periods",
                column: "practitioner_id");

            // No double booking, guaranteed by the database (not only by the check before the insert): a
            // practitioner, room, device or patient can never hold two overlapping appointments that occupy
            // their slot. Half-open ranges [start, end) let one appointment end when the next begins.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            foreach (var (name, column) in new[] { ("practitioner", "practitioner_id"), ("room", "room_id"), ("device", "device_id"), ("patient", "patient_id") })
            {
                migrationBuilder.Sql(
                    $"ALTER TABLE booking.appointments ADD CONSTRAINT ex_appointments_{name} EXCLUDE USING gist " +
                    $"({column} WITH =, tstzrange(start_utc, end_utc, '[)') WITH &&) " +
                    "WHERE (status IN ('booked', 'arrived', 'fulfilled'));");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appointment_events",
                schema: "booking");

            migrationBuilder.DropTable(
                name: "appointments",
                schema: "booking");

            migrationBuilder.DropTable(
                name: "audit_log",
                schema: "booking");

            migrationBuilder.DropTable(
                name: "calendar_feeds",
                schema: "booking");

            migrationBuilder.DropTable(
                name: "idempotency_keys",
                schema: "booking");

            migrationBuilder.DropTable(
                name: "leave",
                schema: "booking");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "booking");

            migrationBuilder.DropTable(
                name: "schedule_exceptions",
                schema: "booking");

            migrationBuilder.DropTable(
                name: "working_periods",
                schema: "booking");
        }
    }
}
