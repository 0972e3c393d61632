using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Booking
{
    /// <inheritdoc />
    public partial class OutboxDueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_booking_outbox_processed_at_utc_occurred_at_utc",
                table: "booking_outbox");

            migrationBuilder.CreateIndex(
                name: "ix_booking_outbox_occurred_at_utc",
                table: "booking_outbox",
                column: "occurred_at_utc",
                filter: "processed_at_utc IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_booking_outbox_occurred_at_utc",
                table: "booking_outbox");

            migrationBuilder.CreateIndex(
                name: "ix_booking_outbox_processed_at_utc_occurred_at_utc",
                table: "booking_outbox",
                columns: new[] { "processed_at_utc", "occurred_at_utc" });
        }
    }
}
