using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Needling.Migrations.SqlServer.Clinic
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "clinic");

            migrationBuilder.CreateTable(
                name: "audit_log",
                schema: "clinic",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    actor = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    entity_type = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    fields = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "closures",
                schema: "clinic",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    from_date = table.Column<DateOnly>(type: "date", nullable: false),
                    to_date = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_closures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "devices",
                schema: "clinic",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    serial = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    maintenance_due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    active = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_devices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "practitioners",
                schema: "clinic",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    display_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    profession = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    licence_number = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    licence_expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                    active = table.Column<bool>(type: "bit", nullable: false),
                    clinical_lead = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practitioners", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rooms",
                schema: "clinic",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    active = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rooms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                schema: "clinic",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    time_zone_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    phone = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    jurisdiction = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_accounts",
                schema: "clinic",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    username = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    display_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    password_hash = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    roles = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    active = table.Column<bool>(type: "bit", nullable: false),
                    security_stamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    failed_sign_ins = table.Column<int>(type: "int", nullable: false),
                    locked_until_utc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "treatments",
                schema: "clinic",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    duration_minutes = table.Column<int>(type: "int", nullable: false),
                    device_kind = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    requires_regulatory_clearance = table.Column<bool>(type: "bit", nullable: false),
                    regulatory_status_json = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    active = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_treatments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "qualifications",
                schema: "clinic",
                columns: table => new
                {
                    code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qualifications", x => new { x.practitioner_id, x.code });
                    table.ForeignKey(
                        name: "fk_qualifications_practitioners_practitioner_id",
                        column: x => x.practitioner_id,
                        principalSchema: "clinic",
                        principalTable: "practitioners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opening_hours",
                schema: "clinic",
                columns: table => new
                {
                    day = table.Column<int>(type: "int", nullable: false),
                    opens = table.Column<TimeOnly>(type: "time", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    closes = table.Column<TimeOnly>(type: "time", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_opening_hours", x => new { x.clinic_id, x.day, x.opens });
                    table.ForeignKey(
                        name: "fk_opening_hours_settings_clinic_id",
                        column: x => x.clinic_id,
                        principalSchema: "clinic",
                        principalTable: "settings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at_utc",
                schema: "clinic",
                table: "audit_log",
                column: "at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_entity_type_entity_id",
                schema: "clinic",
                table: "audit_log",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_devices_kind_serial",
                schema: "clinic",
                table: "devices",
                columns: new[] { "kind", "serial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rooms_name",
                schema: "clinic",
                table: "rooms",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_accounts_username",
                schema: "clinic",
                table: "staff_accounts",
                column: "username",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_treatments_code",
                schema: "clinic",
                table: "treatments",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log",
                schema: "clinic");

            migrationBuilder.DropTable(
                name: "closures",
                schema: "clinic");

            migrationBuilder.DropTable(
                name: "devices",
                schema: "clinic");

            migrationBuilder.DropTable(
                name: "opening_hours",
                schema: "clinic");

            migrationBuilder.DropTable(
                name: "qualifications",
                schema: "clinic");

            migrationBuilder.DropTable(
                name: "rooms",
                schema: "clinic");

            migrationBuilder.DropTable(
                name: "staff_accounts",
                schema: "clinic");

            migrationBuilder.DropTable(
                name: "treatments",
                schema: "clinic");

            migrationBuilder.DropTable(
                name: "settings",
                schema: "clinic");

            migrationBuilder.DropTable(
                name: "practitioners",
                schema: "clinic");
        }
    }
}
