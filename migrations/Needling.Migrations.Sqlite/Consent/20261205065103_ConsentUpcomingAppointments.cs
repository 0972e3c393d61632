using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Consent
{
    /// <inheritdoc />
    public partial class ConsentUpcomingAppointments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consent_upcoming_appointments",
                columns: table => new
                {
                    appointment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    patient_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    treatment_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    start_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consent_upcoming_appointments", x => x.appointment_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_consent_upcoming_appointments_patient_id_treatment_code_start_utc",
                table: "consent_upcoming_appointments",
                columns: new[] { "patient_id", "treatment_code", "start_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_consent_upcoming_appointments_treatment_code_start_utc",
                table: "consent_upcoming_appointments",
                columns: new[] { "treatment_code", "start_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consent_upcoming_appointments");
        }
    }
}
