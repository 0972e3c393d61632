using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Patients
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "patients_audit_log",
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
                    table.PrimaryKey("pk_patients_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "patients_patients",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    given_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    family_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    preferred_language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    registered_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    search_name = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    phone_digits = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patients_patients", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "patients_screening_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    patient_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    entry_key = table.Column<Guid>(type: "TEXT", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    area = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    started_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    removed = table.Column<bool>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    superseded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patients_screening_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_patients_screening_entries_patients_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients_patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_patients_audit_log_at_utc",
                table: "patients_audit_log",
                column: "at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_patients_audit_log_entity_type_entity_id",
                table: "patients_audit_log",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_patients_patients_date_of_birth",
                table: "patients_patients",
                column: "date_of_birth");

            migrationBuilder.CreateIndex(
                name: "ix_patients_patients_phone_digits",
                table: "patients_patients",
                column: "phone_digits");

            migrationBuilder.CreateIndex(
                name: "ix_patients_patients_search_name_date_of_birth",
                table: "patients_patients",
                columns: new[] { "search_name", "date_of_birth" });

            migrationBuilder.CreateIndex(
                name: "ix_patients_screening_entries_entry_key_revision",
                table: "patients_screening_entries",
                columns: new[] { "entry_key", "revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_patients_screening_entries_patient_id_superseded_at_utc",
                table: "patients_screening_entries",
                columns: new[] { "patient_id", "superseded_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "patients_audit_log");

            migrationBuilder.DropTable(
                name: "patients_screening_entries");

            migrationBuilder.DropTable(
                name: "patients_patients");
        }
    }
}
