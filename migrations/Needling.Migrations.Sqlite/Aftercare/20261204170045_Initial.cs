using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Aftercare
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aftercare_audit_log",
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
                    table.PrimaryKey("pk_aftercare_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "aftercare_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    patient_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    due_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    claimed_until_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    sent_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aftercare_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "aftercare_follow_ups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    session_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    patient_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    treatment_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    performed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    due_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    answered_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    answer = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    photo = table.Column<byte[]>(type: "BLOB", nullable: true),
                    photo_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    acknowledged_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    acknowledged_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    closed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    closed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    close_note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aftercare_follow_ups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "aftercare_inbox",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    handled_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aftercare_inbox", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "aftercare_sheets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    session_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    appointment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    patient_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    treatment_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    performed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    pdf = table.Column<byte[]>(type: "BLOB", nullable: false),
                    pdf_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aftercare_sheets", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_aftercare_audit_log_at_utc",
                table: "aftercare_audit_log",
                column: "at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_aftercare_audit_log_entity_type_entity_id",
                table: "aftercare_audit_log",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_aftercare_deliveries_due_at_utc",
                table: "aftercare_deliveries",
                column: "due_at_utc",
                filter: "status = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_aftercare_deliveries_key",
                table: "aftercare_deliveries",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_aftercare_follow_ups_practitioner_id_closed_at_utc",
                table: "aftercare_follow_ups",
                columns: new[] { "practitioner_id", "closed_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_aftercare_follow_ups_session_id_day",
                table: "aftercare_follow_ups",
                columns: new[] { "session_id", "day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_aftercare_inbox_handled_at_utc",
                table: "aftercare_inbox",
                column: "handled_at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_aftercare_sheets_patient_id",
                table: "aftercare_sheets",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_aftercare_sheets_session_id",
                table: "aftercare_sheets",
                column: "session_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aftercare_audit_log");

            migrationBuilder.DropTable(
                name: "aftercare_deliveries");

            migrationBuilder.DropTable(
                name: "aftercare_follow_ups");

            migrationBuilder.DropTable(
                name: "aftercare_inbox");

            migrationBuilder.DropTable(
                name: "aftercare_sheets");
        }
    }
}
