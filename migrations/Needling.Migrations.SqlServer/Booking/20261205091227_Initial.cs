using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.SqlServer.Booking
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // What the PostgreSQL migrations add by hand, and what stands for it here:
            // - The exclusion constraints ex_appointments_{practitioner,room,device,patient} (btree_gist): SQL Server has
            //   no exclusion constraints. The same guarantee is kept by the booking code: application locks
            //   (sp_getapplock) on the patient and on each resource, held to the end of the booking's transaction, and the
            //   clash check under them (Needling.Booking, Appointments/SqlServerSlotLocks.cs says why that mechanism).
            //   Unlike PostgreSQL's constraints, it does not stop SQL typed by hand that skips the service.
            // - OutboxToHangfire (stored type names to stable names) and ScreeningAreasToVocabulary (free-text areas to
            //   codes, in the Patients migrations) convert rows written by older versions; a SQL Server database starts
            //   at this version with no such rows, so they have nothing to do here.
            // - OutboxDueIndex: the filtered indexes on the outbox are part of the model and created below.
            migrationBuilder.EnsureSchema(
                name: "booking");

            migrationBuilder.CreateTable(
                name: "appointment_events",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    appointment_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    action = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    from_status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    to_status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    actor = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    detail = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
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
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    patient_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    room_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    device_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    treatment_code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    indication = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    start_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    end_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    patient_initials = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    cancel_reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    eligibility_outcome = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    rule_set_version = table.Column<int>(type: "int", nullable: false),
                    warnings_json = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    sequence = table.Column<int>(type: "int", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                name: "calendar_feeds",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    token_hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    revoked_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true)
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
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    scope = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    request_hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "int", nullable: false),
                    response_json = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    location = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "booking",
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
                name: "leave",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    from_date = table.Column<DateOnly>(type: "date", nullable: false),
                    to_date = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
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
                name: "schedule_exceptions",
                schema: "booking",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    start = table.Column<TimeOnly>(type: "time", nullable: true),
                    end = table.Column<TimeOnly>(type: "time", nullable: true)
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
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    day = table.Column<int>(type: "int", nullable: false),
                    start = table.Column<TimeOnly>(type: "time", nullable: false),
                    end = table.Column<TimeOnly>(type: "time", nullable: false)
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
                name: "ix_inbox_handled_at_utc",
                schema: "booking",
                table: "inbox",
                column: "handled_at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_leave_practitioner_id_from_date",
                schema: "booking",
                table: "leave",
                columns: new[] { "practitioner_id", "from_date" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_occurred_at_utc",
                schema: "booking",
                table: "outbox",
                column: "occurred_at_utc",
                filter: "processed_at_utc IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_processed_at_utc",
                schema: "booking",
                table: "outbox",
                column: "processed_at_utc",
                filter: "processed_at_utc IS NOT NULL");

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
                name: "inbox",
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
