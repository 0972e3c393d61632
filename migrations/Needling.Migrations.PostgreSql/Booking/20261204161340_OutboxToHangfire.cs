using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.PostgreSql.Booking
{
    /// <inheritdoc />
    public partial class OutboxToHangfire : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Facts were stored under assembly-qualified type names; they are now stored under stable names
            // ([EventName]). Rename what is there (the dispatcher also still reads the old form, as a fallback).
            migrationBuilder.Sql("""
                UPDATE booking.outbox SET type = 'booking.appointment-booked' WHERE type LIKE 'Needling.Contracts.Booking.AppointmentBooked,%';
                UPDATE booking.outbox SET type = 'booking.appointment-rescheduled' WHERE type LIKE 'Needling.Contracts.Booking.AppointmentRescheduled,%';
                UPDATE booking.outbox SET type = 'booking.appointment-cancelled' WHERE type LIKE 'Needling.Contracts.Booking.AppointmentCancelled,%';
                UPDATE booking.outbox SET type = 'booking.appointment-completed' WHERE type LIKE 'Needling.Contracts.Booking.AppointmentCompleted,%';
                """);

            migrationBuilder.DropColumn(
                name: "attempts",
                schema: "booking",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "last_error",
                schema: "booking",
                table: "outbox");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_processed_at_utc",
                schema: "booking",
                table: "outbox",
                column: "processed_at_utc",
                filter: "processed_at_utc IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_processed_at_utc",
                schema: "booking",
                table: "outbox");

            migrationBuilder.AddColumn<int>(
                name: "attempts",
                schema: "booking",
                table: "outbox",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "last_error",
                schema: "booking",
                table: "outbox",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }
    }
}
