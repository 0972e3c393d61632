using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.PostgreSql.Clinic
{
    /// <inheritdoc />
    public partial class DeviceMaintenanceAndRegulatoryStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "has_regulatory_clearance",
                schema: "clinic",
                table: "treatments");

            migrationBuilder.AddColumn<string>(
                name: "regulatory_status_json",
                schema: "clinic",
                table: "treatments",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "jurisdiction",
                schema: "clinic",
                table: "settings",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "maintenance_due_on",
                schema: "clinic",
                table: "devices",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "regulatory_status_json",
                schema: "clinic",
                table: "treatments");

            migrationBuilder.DropColumn(
                name: "jurisdiction",
                schema: "clinic",
                table: "settings");

            migrationBuilder.DropColumn(
                name: "maintenance_due_on",
                schema: "clinic",
                table: "devices");

            migrationBuilder.AddColumn<bool>(
                name: "has_regulatory_clearance",
                schema: "clinic",
                table: "treatments",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }
    }
}
