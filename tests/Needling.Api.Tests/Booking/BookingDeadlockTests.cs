using System.Net;
using System.Text.Json;
using Needling.Api.Tests.Support;
using Npgsql;

namespace Needling.Api.Tests.Booking;

/// <summary>
/// Overlapping inserts checked by several exclusion constraints can wait for each other; PostgreSQL then
/// aborts one of them (a deadlock). A booking chosen as the victim must still get its true answer. PostgreSQL only:
/// the deadlock is between exclusion constraints, which SQL Server does not have (its bookings take application locks
/// in one fixed order before they write: Booking's SqlServerSlotLocks); the races themselves are tested on both.
/// </summary>
public sealed class BookingDeadlockTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task A_booking_aborted_by_a_deadlock_with_a_competing_write_gets_the_409_not_a_500()
    {
        var r = await BookingSetup.Create(app, "Deadlock");
        using var desk = await app.As("Receptionist");
        var deadlocksBefore = await DeadlocksAsync();
        // PostgreSQL aborts whichever waiter runs its deadlock check first. That is the booking, which began
        // waiting first, unless it had already waited past deadlock_timeout (1 s) before the cycle closed, as on
        // a machine too busy to run the competitor's next insert in time: then the competitor is the victim and
        // the booking simply succeeds. Set the situation up again on another day when that happens.
        for (var attempt = 0; ; attempt++)
        {
            var start = BookingSetup.NextWeekday(14, weeksAhead: 5 + attempt, day: DayOfWeek.Friday).UtcDateTime;
            var response = await BookAgainstACompetitorAsync(desk, r, start);
            if (response is null && attempt < 4)
            {
                continue;
            }
            Assert.NotNull(response);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{(int)response.StatusCode}: {body}");
            Assert.Equal("practitioner", JsonDocument.Parse(body).RootElement.GetProperty("resource").GetString());
            Assert.True(await DeadlocksAsync() > deadlocksBefore, "PostgreSQL reported no deadlock: the test did not set up the situation it is about");
            return;
        }
    }

    /// <summary>The booking's answer, or null when PostgreSQL chose the competitor as the deadlock's victim.</summary>
    private async Task<HttpResponseMessage?> BookAgainstACompetitorAsync(HttpClient desk, BookingSetup.Resources r, DateTime start)
    {
        await using var competitor = new NpgsqlConnection(app.Database.ConnectionString);
        await competitor.OpenAsync();
        await using var tx = await competitor.BeginTransactionAsync();
        // The competitor holds the patient at that time, uncommitted; the booking inserts its row and waits on the
        // patient constraint (checked after the practitioner's) ...
        await InsertAsync(competitor, practitioner: Guid.NewGuid(), patient: r.Patient, start);
        var booking = desk.Book(BookingSetup.Booking(r, start));
        await WaitForALockWaitAsync();
        // ... then the competitor wants the practitioner the waiting booking already holds: each waits for the other.
        try
        {
            await InsertAsync(competitor, practitioner: r.Practitioner, patient: Guid.NewGuid(), start);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected)
        {
            await tx.RollbackAsync();
            // Booked: cancel it, so that its session does not count against the next attempt's interval.
            var id = (await (await booking).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
            await desk.PostOk($"/appointments/{id}/cancel", new { reason = "Test set-up" }, HttpStatusCode.OK);
            return null;
        }
        await tx.CommitAsync();
        return await booking;
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
