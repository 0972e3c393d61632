using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.SqlServer.Booking
{
    /// <inheritdoc />
    public partial class CalendarFeedBusyOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "busy_only",
                schema: "booking",
                table: "calendar_feeds",
                type: "bit",
                nullable: false,
                // Feeds made before this column: who made them is not known, so they show busy blocks only (no patient
                // data) until the practitioner makes their own feed.
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "busy_only",
                schema: "booking",
                table: "calendar_feeds");
        }
    }
}
