using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.SqlServer.Clinic
{
    /// <inheritdoc />
    public partial class ConcurrencyVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "version",
                schema: "clinic",
                table: "treatments",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "version",
                schema: "clinic",
                table: "staff_accounts",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "version",
                schema: "clinic",
                table: "settings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "version",
                schema: "clinic",
                table: "rooms",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "version",
                schema: "clinic",
                table: "practitioners",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "version",
                schema: "clinic",
                table: "devices",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "version",
                schema: "clinic",
                table: "treatments");

            migrationBuilder.DropColumn(
                name: "version",
                schema: "clinic",
                table: "staff_accounts");

            migrationBuilder.DropColumn(
                name: "version",
                schema: "clinic",
                table: "settings");

            migrationBuilder.DropColumn(
                name: "version",
                schema: "clinic",
                table: "rooms");

            migrationBuilder.DropColumn(
                name: "version",
                schema: "clinic",
                table: "practitioners");

            migrationBuilder.DropColumn(
                name: "version",
                schema: "clinic",
                table: "devices");
        }
    }
}
