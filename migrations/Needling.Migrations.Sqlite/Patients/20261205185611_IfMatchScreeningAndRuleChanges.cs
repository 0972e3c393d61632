using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Patients
{
    /// <inheritdoc />
    public partial class IfMatchScreeningAndRuleChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "patients_screening_versions",
                columns: table => new
                {
                    patient_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patients_screening_versions", x => x.patient_id);
                    table.ForeignKey(
                        name: "fk_patients_screening_versions_patients_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients_patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "patients_screening_versions");
        }
    }
}
