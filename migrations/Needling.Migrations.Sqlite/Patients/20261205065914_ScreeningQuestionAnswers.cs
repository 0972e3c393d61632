using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Patients
{
    /// <inheritdoc />
    public partial class ScreeningQuestionAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "patients_screening_answers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    patient_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    question_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    areas = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    given_by = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    answered_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    superseded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patients_screening_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_patients_screening_answers_patients_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients_patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_patients_screening_answers_patient_id_superseded_at_utc",
                table: "patients_screening_answers",
                columns: new[] { "patient_id", "superseded_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "patients_screening_answers");
        }
    }
}
