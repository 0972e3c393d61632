using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Clinic
{
    /// <inheritdoc />
    public partial class StaffSecurityStampAndLockout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing accounts start with the all-zero stamp. Tokens issued before this migration carry no stamp and
            // are refused: staff sign in once more after the upgrade.
            migrationBuilder.AddColumn<int>(
                name: "failed_sign_ins",
                table: "clinic_staff_accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "locked_until_utc",
                table: "clinic_staff_accounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "security_stamp",
                table: "clinic_staff_accounts",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "failed_sign_ins",
                table: "clinic_staff_accounts");

            migrationBuilder.DropColumn(
                name: "locked_until_utc",
                table: "clinic_staff_accounts");

            migrationBuilder.DropColumn(
                name: "security_stamp",
                table: "clinic_staff_accounts");
        }
    }
}
