using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.PostgreSql.Booking
{
    /// <inheritdoc />
    public partial class OutboxDueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_processed_at_utc_occurred_at_utc",
                schema: "booking",
                table: "outbox");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_occurred_at_utc",
                schema: "booking",
                table: "outbox",
                column: "occurred_at_utc",
                filter: "processed_at_utc IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_occurred_at_utc",
                schema: "booking",
                table: "outbox");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_processed_at_utc_occurred_at_utc",
                schema: "booking",
                table: "outbox",
                columns: new[] { "processed_at_utc", "occurred_at_utc" });
        }
    }
}
