using Needling.Booking.Availability;
using Needling.Booking.Schedules;
using static Needling.Booking.Tests.Support.Given;

namespace Needling.Booking.Tests;

public class BusyTimesTests
{
    private static UtcInterval At(int from, int to) => new(Utc(Monday, from), Utc(Monday, to));

    [Fact]
    public void Overlapping_appointments_of_one_resource_are_merged_into_one_busy_time()
    {
        var busy = Busy(rooms: [(Room, Utc(Monday, 10), Utc(Monday, 12)), (Room, Utc(Monday, 11), Utc(Monday, 13)), (Room, Utc(Monday, 15), Utc(Monday, 16))]);
        Assert.Equal([At(10, 13), At(15, 16)], busy.Room(Room));
        Assert.Empty(busy.Room(OtherRoom));
    }

    [Fact]
    public void Busy_times_are_cut_out_of_open_windows()
    {
        var free = BusyTimes.Subtract([At(9, 12), At(13, 18)], [At(8, 10), At(11, 14), At(15, 16), At(17, 19)]);
        Assert.Equal([At(10, 11), At(14, 15), At(16, 17)], free);
        Assert.Equal([At(9, 12)], BusyTimes.Subtract([At(9, 12)], []));
        Assert.Empty(BusyTimes.Subtract([At(9, 12)], [At(0, 23)]));
    }
}
