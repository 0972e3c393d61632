using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Clinic
{
    /// <inheritdoc />
    public partial class DeviceMaintenanceAndRegulatoryStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "has_regulatory_clearance",
                table: "clinic_treatments");

            migrationBuilder.AddColumn<string>(
                name: "regulatory_status_json",
                table: "clinic_treatments",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "jurisdiction",
                table: "clinic_settings",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "maintenance_due_on",
                table: "clinic_devices",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "regulatory_status_json",
                table: "clinic_treatments");

            migrationBuilder.DropColumn(
                name: "jurisdiction",
                table: "clinic_settings");

            migrationBuilder.DropColumn(
                name: "maintenance_due_on",
                table: "clinic_devices");

            migrationBuilder.AddColumn<bool>(
                name: "has_regulatory_clearance",
                table: "clinic_treatments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }
    }
}
