using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.PostgreSql.Clinic
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "version",
                schema: "clinic",
                table: "staff_accounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "version",
                schema: "clinic",
                table: "settings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "version",
                schema: "clinic",
                table: "rooms",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "version",
                schema: "clinic",
                table: "practitioners",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "version",
                schema: "clinic",
                table: "devices",
                type: "integer",
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
