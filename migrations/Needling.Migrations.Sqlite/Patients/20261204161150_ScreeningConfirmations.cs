using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Patients
{
    /// <inheritdoc />
    public partial class ScreeningConfirmations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "patients_screening_confirmations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    patient_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    confirmed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    confirmed_by = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    reviewed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patients_screening_confirmations", x => x.id);
                    table.ForeignKey(
                        name: "fk_patients_screening_confirmations_patients_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients_patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_patients_screening_confirmations_patient_id_confirmed_at_utc",
                table: "patients_screening_confirmations",
                columns: new[] { "patient_id", "confirmed_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "patients_screening_confirmations");
        }
    }
}
