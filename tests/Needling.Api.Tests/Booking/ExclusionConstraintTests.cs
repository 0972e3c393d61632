using Needling.Api.Tests.Support;
using Npgsql;

namespace Needling.Api.Tests.Booking;

/// <summary>
/// On PostgreSQL the guarantee is in the schema: even SQL that skips the service cannot double-book. PostgreSQL only:
/// SQL Server has no exclusion constraints, and there the guarantee is in the service (SqlServerSlotLocks), tested
/// through the API by DoubleBookingRaceTests and PatientIntervalRaceTests.
/// </summary>
public sealed class ExclusionConstraintTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private async Task<PostgresException?> InsertTwo(string sharedColumn, string secondStatus, int secondStartMinute)
    {
        _ = app.Server;
        await using var conn = new NpgsqlConnection(app.Database.ConnectionString);
        await conn.OpenAsync();
        var shared = Guid.NewGuid();
        async Task Insert(string status, int startMinute)
        {
            Guid Id(string column) => column == sharedColumn ? shared : Guid.NewGuid();
            await using var cmd = new NpgsqlCommand(
                """
                INSERT INTO booking.appointments (id, patient_id, practitioner_id, room_id, device_id, treatment_code, indication,
                    start_utc, end_utc, status, patient_initials, eligibility_outcome, rule_set_version, warnings_json, sequence, created_at_utc, updated_at_utc)
                VALUES (@id, @patient, @practitioner, @room, @device, 'MN-PEN', 'hyperpigmentation',
                    @start, @end, @status, 'A. B.', 'Allowed', 1, '[]', 0, now(), now())
                """, conn);
            var start = new DateTime(2031, 3, 4, 10, 0, 0, DateTimeKind.Utc).AddMinutes(startMinute);
            cmd.Parameters.AddWithValue("id", Guid.NewGuid());
            cmd.Parameters.AddWithValue("patient", Id("patient_id"));
            cmd.Parameters.AddWithValue("practitioner", Id("practitioner_id"));
            cmd.Parameters.AddWithValue("room", Id("room_id"));
            cmd.Parameters.AddWithValue("device", Id("device_id"));
            cmd.Parameters.AddWithValue("start", start);
            cmd.Parameters.AddWithValue("end", start.AddMinutes(60));
            cmd.Parameters.AddWithValue("status", status);
            await cmd.ExecuteNonQueryAsync();
        }
        await Insert("booked", 0);
        try
        {
            await Insert(secondStatus, secondStartMinute);
            return null;
        }
        catch (PostgresException ex)
        {
            return ex;
        }
    }

    [Theory]
    [InlineData("practitioner_id", "ex_appointments_practitioner")]
    [InlineData("room_id", "ex_appointments_room")]
    [InlineData("device_id", "ex_appointments_device")]
    [InlineData("patient_id", "ex_appointments_patient")]
    public async Task Overlapping_appointments_for_one_resource_are_refused_by_the_database(string column, string constraint)
    {
        var refused = await InsertTwo(column, "booked", 30);
        Assert.NotNull(refused);
        Assert.Equal(PostgresErrorCodes.ExclusionViolation, refused.SqlState);
        Assert.Equal(constraint, refused.ConstraintName);
    }

    [Fact]
    public async Task Back_to_back_appointments_and_cancelled_ones_do_not_clash()
    {
        Assert.Null(await InsertTwo("practitioner_id", "booked", 60));
        Assert.Null(await InsertTwo("room_id", "cancelled", 15));
    }
}
