using System.Text.Json;
using System.Text.Json.Serialization;
using Needling.Booking.Schedules;

namespace Needling.Booking.Tests;

public class ScheduleRequestTests
{
    // As the host reads bodies: web defaults, camel-case enum names, no integers for enums.
    private static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    [Fact]
    public void A_weekly_pattern_is_written_with_day_names_and_hours_and_minutes()
    {
        var r = JsonSerializer.Deserialize<WeeklySchedule.Request>("""{ "periods": [{ "day": "monday", "start": "09:00", "end": "17:30" }] }""", Api)!;
        Assert.Equal(new WeeklyPeriodDto(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 30)), r.Periods.Single());
    }
}
