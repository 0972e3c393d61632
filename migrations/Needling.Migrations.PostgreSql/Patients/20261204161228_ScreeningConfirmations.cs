using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.PostgreSql.Patients
{
    /// <inheritdoc />
    public partial class ScreeningConfirmations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "screening_confirmations",
                schema: "patients",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    confirmed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    confirmed_by = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reviewed = table.Column<bool>(type: "boolean", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "ix_screening_confirmations_patient_id_confirmed_at_utc",
                schema: "patients",
                table: "screening_confirmations",
                columns: new[] { "patient_id", "confirmed_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "screening_confirmations",
                schema: "patients");
        }
    }
}
