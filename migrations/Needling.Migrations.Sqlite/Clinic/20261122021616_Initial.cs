using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.Sqlite.Clinic
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "clinic_audit_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    fields = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinic_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clinic_closures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinic_closures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clinic_devices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    serial = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinic_devices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clinic_practitioners",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    profession = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    licence_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    licence_expires_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinic_practitioners", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clinic_rooms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinic_rooms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clinic_settings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    time_zone_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinic_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clinic_staff_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    username = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    roles = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    practitioner_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinic_staff_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clinic_treatments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    duration_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    device_kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    requires_regulatory_clearance = table.Column<bool>(type: "INTEGER", nullable: false),
                    has_regulatory_clearance = table.Column<bool>(type: "INTEGER", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinic_treatments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clinic_qualifications",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    practitioner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinic_qualifications", x => new { x.practitioner_id, x.code });
                    table.ForeignKey(
                        name: "fk_clinic_qualifications_clinic_practitioners_practitioner_id",
                        column: x => x.practitioner_id,
                        principalTable: "clinic_practitioners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "clinic_opening_hours",
                columns: table => new
                {
                    day = table.Column<int>(type: "INTEGER", nullable: false),
                    opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    clinic_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    closes = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinic_opening_hours", x => new { x.clinic_id, x.day, x.opens });
                    table.ForeignKey(
                        name: "fk_clinic_opening_hours_clinic_settings_clinic_id",
                        column: x => x.clinic_id,
                        principalTable: "clinic_settings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_clinic_audit_log_at_utc",
                table: "clinic_audit_log",
                column: "at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_clinic_audit_log_entity_type_entity_id",
                table: "clinic_audit_log",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_clinic_devices_kind_serial",
                table: "clinic_devices",
                columns: new[] { "kind", "serial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_clinic_rooms_name",
                table: "clinic_rooms",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_clinic_staff_accounts_username",
                table: "clinic_staff_accounts",
                column: "username",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_clinic_treatments_code",
                table: "clinic_treatments",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clinic_audit_log");

            migrationBuilder.DropTable(
                name: "clinic_closures");

            migrationBuilder.DropTable(
                name: "clinic_devices");

            migrationBuilder.DropTable(
                name: "clinic_opening_hours");

            migrationBuilder.DropTable(
                name: "clinic_qualifications");

            migrationBuilder.DropTable(
                name: "clinic_rooms");

            migrationBuilder.DropTable(
                name: "clinic_staff_accounts");

            migrationBuilder.DropTable(
                name: "clinic_treatments");

            migrationBuilder.DropTable(
                name: "clinic_settings");

            migrationBuilder.DropTable(
                name: "clinic_practitioners");
        }
    }
}
