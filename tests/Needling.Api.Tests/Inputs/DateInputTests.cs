using System.Net;
using System.Net.Http.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Inputs;

/// <summary>
/// Instants must carry their offset and dates must be in a sane range, in bodies and in routes alike: an offset-less
/// time would otherwise be read in the server's own zone and book the wrong hour.
/// </summary>
public abstract class DateInputTests(AppFixture app)
{
    [Theory]
    [InlineData("2030-01-08T10:00:00", "offset")]
    [InlineData("2030-01-08 10:00", "offset")]
    [InlineData("2030-01-08", "offset")]
    [InlineData("0001-01-01T10:00:00Z", "year")]
    [InlineData("9999-12-31T10:00:00Z", "year")]
    [InlineData("9999-12-31T23:59:59+14:00", "year")]
    public async Task A_booking_start_without_an_offset_or_with_an_absurd_year_is_a_400_naming_start(string start, string said)
    {
        var r = await BookingSetup.Create(app);
        using var desk = await app.As("Receptionist");
        var booking = new
        {
            patientId = r.Patient, practitionerId = r.Practitioner, roomId = r.Room, deviceId = r.Device,
            treatmentCode = "MN-PEN", indication = "hyperpigmentation", start,
        };
        var problem = await (await desk.PostAsJsonAsync("/appointments", booking)).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("$.start", problem.Detail());
        Assert.Contains(said, problem.Detail());
        var list = await desk.PostOk("/appointments/search", new
        {
            from = "2026-01-01T00:00:00Z", to = "2026-03-01T00:00:00Z", patientId = r.Patient,
        }, HttpStatusCode.OK);
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task The_same_booking_with_an_offset_is_taken_at_that_instant()
    {
        var r = await BookingSetup.Create(app);
        using var desk = await app.As("Receptionist");
        var start = BookingSetup.NextWeekday(10);
        // The same instant written in +09:00: the stored start is that instant, whatever the server's zone.
        var booking = new
        {
            patientId = r.Patient, practitionerId = r.Practitioner, roomId = r.Room, deviceId = r.Device,
            treatmentCode = "MN-PEN", indication = "hyperpigmentation", start = start.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
        };
        var booked = await (await desk.PostAsJsonAsync("/appointments", booking)).Json(HttpStatusCode.Created);
        Assert.Equal(start, booked.GetProperty("appointment").GetProperty("startUtc").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("0001-01-01", "2030-01-10", "from")]
    [InlineData("2030-01-01", "9999-12-31", "to")]
    [InlineData("2030-01-01", "2030-01-08T10:00:00", "to")]
    public async Task An_availability_search_with_an_absurd_or_malformed_date_is_a_400_naming_the_field(string from, string to, string field)
    {
        using var desk = await app.As("Receptionist");
        var problem = await (await desk.PostAsJsonAsync("/availability", new { treatmentCode = "MN-PEN", from, to })).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains($"$.{field}", problem.Detail());
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task A_date_in_the_route_with_an_absurd_year_is_a_400_naming_it(string date)
    {
        using var admin = await app.As("Admin");
        var practitioner = await admin.RegisterPractitioner(BookingSetup.Unique("Dr"), ["physician"]);
        var problem = await (await admin.PutAsJsonAsync($"/practitioners/{practitioner}/schedule/exceptions/{date}", new { periods = Array.Empty<object>() }))
            .AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("date", out _), problem.ToString());
    }

    [Fact]
    public async Task A_date_of_birth_in_year_one_is_a_400_naming_it()
    {
        using var desk = await app.As("Receptionist");
        var problem = await (await desk.PostAsJsonAsync("/patients", new { givenName = "Ann", familyName = "Lee", dateOfBirth = "0001-01-01" }))
            .AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("$.dateOfBirth", problem.Detail());
        Assert.Contains("year", problem.Detail());
    }
}

public sealed class DateInputTestsOnSqlite(SqliteApp app) : DateInputTests(app), IClassFixture<SqliteApp>;

public sealed class DateInputTestsOnPostgres(PostgresApp app) : DateInputTests(app), IClassFixture<PostgresApp>;
