using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.SqlServer.Aftercare
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "aftercare");

            migrationBuilder.CreateTable(
                name: "audit_log",
                schema: "aftercare",
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
                name: "deliveries",
                schema: "aftercare",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    subject_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    patient_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    due_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "int", nullable: false),
                    claimed_until_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    sent_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    message_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    last_error = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "follow_ups",
                schema: "aftercare",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    session_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    patient_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    treatment_code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    language = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    day = table.Column<int>(type: "int", nullable: false),
                    performed_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    due_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    answered_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    answer = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    photo = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    photo_type = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    acknowledged_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    acknowledged_by = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    closed_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    closed_by = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    close_note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_ups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "aftercare",
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
                name: "sheets",
                schema: "aftercare",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    session_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    appointment_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    patient_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    treatment_code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    language = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    performed_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    pdf = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    pdf_sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sheets", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at_utc",
                schema: "aftercare",
                table: "audit_log",
                column: "at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_entity_type_entity_id",
                schema: "aftercare",
                table: "audit_log",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_due_at_utc",
                schema: "aftercare",
                table: "deliveries",
                column: "due_at_utc",
                filter: "status = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_key",
                schema: "aftercare",
                table: "deliveries",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_practitioner_id_closed_at_utc",
                schema: "aftercare",
                table: "follow_ups",
                columns: new[] { "practitioner_id", "closed_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_session_id_day",
                schema: "aftercare",
                table: "follow_ups",
                columns: new[] { "session_id", "day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbox_handled_at_utc",
                schema: "aftercare",
                table: "inbox",
                column: "handled_at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_sheets_patient_id",
                schema: "aftercare",
                table: "sheets",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_sheets_session_id",
                schema: "aftercare",
                table: "sheets",
                column: "session_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log",
                schema: "aftercare");

            migrationBuilder.DropTable(
                name: "deliveries",
                schema: "aftercare");

            migrationBuilder.DropTable(
                name: "follow_ups",
                schema: "aftercare");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "aftercare");

            migrationBuilder.DropTable(
                name: "sheets",
                schema: "aftercare");
        }
    }
}
