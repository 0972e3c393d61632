using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.SqlServer.Patients
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "patients");

            migrationBuilder.CreateTable(
                name: "audit_log",
                schema: "patients",
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
                name: "patients",
                schema: "patients",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    given_name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    family_name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    phone = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    email = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    preferred_language = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    registered_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    search_name = table.Column<string>(type: "nvarchar(201)", maxLength: 201, nullable: false),
                    phone_digits = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patients", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "screening_answers",
                schema: "patients",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    patient_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    question_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    value = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: true),
                    areas = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    detail = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    given_by = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    recorded_by = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    answered_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    superseded_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_screening_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_screening_answers_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "patients",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "screening_confirmations",
                schema: "patients",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    patient_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    confirmed_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    confirmed_by = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    actor = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    reviewed = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_screening_confirmations", x => x.id);
                    table.ForeignKey(
                        name: "fk_screening_confirmations_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "patients",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "screening_entries",
                schema: "patients",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    patient_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    entry_key = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    revision = table.Column<int>(type: "int", nullable: false),
                    kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    area = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    severity = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    started_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    notes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    removed = table.Column<bool>(type: "bit", nullable: false),
                    recorded_by = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    superseded_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_screening_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_screening_entries_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "patients",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at_utc",
                schema: "patients",
                table: "audit_log",
                column: "at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_entity_type_entity_id",
                schema: "patients",
                table: "audit_log",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_patients_date_of_birth",
                schema: "patients",
                table: "patients",
                column: "date_of_birth");

            migrationBuilder.CreateIndex(
                name: "ix_patients_phone_digits",
                schema: "patients",
                table: "patients",
                column: "phone_digits");

            migrationBuilder.CreateIndex(
                name: "ix_patients_search_name_date_of_birth",
                schema: "patients",
                table: "patients",
                columns: new[] { "search_name", "date_of_birth" });

            migrationBuilder.CreateIndex(
                name: "ix_screening_answers_patient_id_superseded_at_utc",
                schema: "patients",
                table: "screening_answers",
                columns: new[] { "patient_id", "superseded_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_screening_confirmations_patient_id_confirmed_at_utc",
                schema: "patients",
                table: "screening_confirmations",
                columns: new[] { "patient_id", "confirmed_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_screening_entries_entry_key_revision",
                schema: "patients",
                table: "screening_entries",
                columns: new[] { "entry_key", "revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_screening_entries_patient_id_superseded_at_utc",
                schema: "patients",
                table: "screening_entries",
                columns: new[] { "patient_id", "superseded_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log",
                schema: "patients");

            migrationBuilder.DropTable(
                name: "screening_answers",
                schema: "patients");

            migrationBuilder.DropTable(
                name: "screening_confirmations",
                schema: "patients");

            migrationBuilder.DropTable(
                name: "screening_entries",
                schema: "patients");

            migrationBuilder.DropTable(
                name: "patients",
                schema: "patients");
        }
    }
}
