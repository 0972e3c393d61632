using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.PostgreSql.Consent
{
    /// <inheritdoc />
    public partial class ConsentUpcomingAppointments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "upcoming_appointments",
                schema: "consent",
                columns: table => new
                {
                    appointment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    treatment_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    start_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upcoming_appointments", x => x.appointment_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_upcoming_appointments_patient_id_treatment_code_start_utc",
                schema: "consent",
                table: "upcoming_appointments",
                columns: new[] { "patient_id", "treatment_code", "start_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_upcoming_appointments_treatment_code_start_utc",
                schema: "consent",
                table: "upcoming_appointments",
                columns: new[] { "treatment_code", "start_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "upcoming_appointments",
                schema: "consent");
        }
    }
}
