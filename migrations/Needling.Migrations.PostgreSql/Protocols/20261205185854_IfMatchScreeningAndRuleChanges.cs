using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.PostgreSql.Protocols
{
    /// <inheritdoc />
    public partial class IfMatchScreeningAndRuleChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "version",
                schema: "protocols",
                table: "rule_change_proposals",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "version",
                schema: "protocols",
                table: "rule_change_proposals");
        }
    }
}
