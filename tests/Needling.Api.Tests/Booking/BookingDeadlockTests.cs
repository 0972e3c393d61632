using System.Net;
using System.Text.Json;
using Needling.Api.Tests.Support;
using Npgsql;

namespace Needling.Api.Tests.Booking;

/// <summary>
/// Overlapping inserts checked by several exclusion constraints can wait for each other; PostgreSQL then
/// aborts one of them (a deadlock). A booking chosen as the victim must still get its true answer.
/// </summary>
public sealed class BookingDeadlockTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task A_booking_aborted_by_a_deadlock_with_a_competing_write_gets_the_409_not_a_500()
    {
        var r = await BookingSetup.Create(app, "Deadlock");
        using var desk = await app.As("Receptionist");
        var start = BookingSetup.NextWeekday(14, weeksAhead: 5, day: DayOfWeek.Friday).UtcDateTime;
        var deadlocksBefore = await DeadlocksAsync();

        await using var competitor = new NpgsqlConnection(app.Database.ConnectionString);
        await competitor.OpenAsync();
        await using var tx = await competitor.BeginTransactionAsync();
        // The competitor holds the patient at that time, uncommitted; the booking inserts its row and waits on the
        // patient constraint (checked after the practitioner's) ...
        await InsertAsync(competitor, practitioner: Guid.NewGuid(), patient: r.Patient, start);
        var booking = desk.Book(BookingSetup.Booking(r, start));
        await WaitForALockWaitAsync();
        // ... then the competitor wants the practitioner the waiting booking already holds: each waits for the other.
        await InsertAsync(competitor, practitioner: r.Practitioner, patient: Guid.NewGuid(), start);
        await tx.CommitAsync();

        var response = await booking;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("practitioner", JsonDocument.Parse(body).RootElement.GetProperty("resource").GetString());
        Assert.True(await DeadlocksAsync() > deadlocksBefore, "PostgreSQL reported no deadlock: the test did not set up the situation it is about");
    }

    private static async Task InsertAsync(NpgsqlConnection conn, Guid practitioner, Guid patient, DateTime start)
    {
        await using var cmd = new NpgsqlCommand(
            """
            INSERT INTO booking.appointments (id, patient_id, practitioner_id, room_id, device_id, treatment_code, indication,
                start_utc, end_utc, status, patient_initials, eligibility_outcome, rule_set_version, warnings_json, sequence, created_at_utc, updated_at_utc)
            VALUES (gen_random_uuid(), @patient, @practitioner, gen_random_uuid(), gen_random_uuid(), 'MN-PEN', 'hyperpigmentation',
                @start, @end, 'booked', 'C. D.', 'Allowed', 1, '[]', 0, now(), now())
            """, conn);
        cmd.Parameters.AddWithValue("patient", patient);
        cmd.Parameters.AddWithValue("practitioner", practitioner);
        cmd.Parameters.AddWithValue("start", start);
        cmd.Parameters.AddWithValue("end", start.AddMinutes(60));
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task WaitForALockWaitAsync()
    {
        await using var conn = new NpgsqlConnection(app.Database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", conn);
        for (var until = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < until; await Task.Delay(20))
        {
            if ((long)(await cmd.ExecuteScalarAsync())! > 0)
            {
                return;
            }
        }
        throw new TimeoutException("The booking never waited for the competitor's row.");
    }

    private async Task<long> DeadlocksAsync()
    {
        await using var conn = new NpgsqlConnection(app.Database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_stat_clear_snapshot(); SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }
}
