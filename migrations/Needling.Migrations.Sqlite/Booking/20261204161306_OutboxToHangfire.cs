using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Booking
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
                UPDATE booking_outbox SET type = 'booking.appointment-booked' WHERE type LIKE 'Needling.Contracts.Booking.AppointmentBooked,%';
                UPDATE booking_outbox SET type = 'booking.appointment-rescheduled' WHERE type LIKE 'Needling.Contracts.Booking.AppointmentRescheduled,%';
                UPDATE booking_outbox SET type = 'booking.appointment-cancelled' WHERE type LIKE 'Needling.Contracts.Booking.AppointmentCancelled,%';
                UPDATE booking_outbox SET type = 'booking.appointment-completed' WHERE type LIKE 'Needling.Contracts.Booking.AppointmentCompleted,%';
                """);

            // SQLite (3.35+) drops a column in place; EF Core would rebuild the table outside the migration's
            // transaction instead (PRAGMA foreign_keys), leaving it half-done if the process died meanwhile.
            migrationBuilder.Sql("ALTER TABLE booking_outbox DROP COLUMN attempts;");
            migrationBuilder.Sql("ALTER TABLE booking_outbox DROP COLUMN last_error;");

            migrationBuilder.CreateIndex(
                name: "ix_booking_outbox_processed_at_utc",
                table: "booking_outbox",
                column: "processed_at_utc",
                filter: "processed_at_utc IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_booking_outbox_processed_at_utc",
                table: "booking_outbox");

            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "booking_outbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "last_error",
                table: "booking_outbox",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }
    }
}
