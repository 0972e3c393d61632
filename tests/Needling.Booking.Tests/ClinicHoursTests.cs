using Needling.Booking.Schedules;
using static Needling.Booking.Tests.Support.Given;

namespace Needling.Booking.Tests;

public class ClinicHoursTests
{
    private static readonly ClinicHours London = new(Clinic("Europe/London"));

    [Fact]
    public void A_local_time_the_clocks_skip_moves_forward_by_the_gap()
    {
        // 2027-03-28 01:30 does not exist in London; it is read as 02:30 BST, 01:30 UTC.
        Assert.Equal(new DateTime(2027, 3, 28, 1, 30, 0, DateTimeKind.Utc), London.ToUtc(new DateOnly(2027, 3, 28), new TimeOnly(1, 30)));
    }

    [Fact]
    public void A_local_time_the_clocks_repeat_is_the_earlier_instant()
    {
        // 2026-10-25 01:30 happens twice in London; the first, in BST, is 00:30 UTC.
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), London.ToUtc(new DateOnly(2026, 10, 25), new TimeOnly(1, 30)));
    }

    [Fact]
    public void Summer_and_winter_local_times_carry_their_own_offset()
    {
        Assert.Equal(new DateTime(2027, 7, 1, 8, 0, 0, DateTimeKind.Utc), London.ToUtc(new DateOnly(2027, 7, 1), new TimeOnly(9, 0)));
        Assert.Equal(TimeSpan.FromHours(1), London.ToLocal(new DateTime(2027, 7, 1, 8, 0, 0, DateTimeKind.Utc)).Offset);
        Assert.Equal(TimeSpan.Zero, London.ToLocal(new DateTime(2027, 1, 4, 9, 0, 0, DateTimeKind.Utc)).Offset);
        Assert.Equal(new DateOnly(2027, 7, 2), London.LocalDate(new DateTime(2027, 7, 1, 23, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_local_day_is_23_hours_long_when_the_clocks_go_forward()
    {
        var day = London.Day(new DateOnly(2027, 3, 28));
        Assert.Equal(TimeSpan.FromHours(23), day.End - day.Start);
    }
}
