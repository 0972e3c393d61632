using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Booking
{
    /// <inheritdoc />
    public partial class InboxForSessionSigned : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "booking_inbox",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    handled_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_booking_inbox", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateIndex(
                name: "ix_booking_inbox_handled_at_utc",
                table: "booking_inbox",
                column: "handled_at_utc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "booking_inbox");
        }
    }
}
