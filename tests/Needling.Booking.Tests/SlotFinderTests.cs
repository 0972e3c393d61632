using Needling.Booking.Availability;
using Needling.Booking.Tests.Support;
using Needling.Contracts.Clinic;
using static Needling.Booking.Tests.Support.Given;

namespace Needling.Booking.Tests;

public class SlotFinderTests
{
    private static IReadOnlyList<Slot> Find(SlotSearch search) => SlotFinder.Find(search).Slots;

    [Fact]
    public void An_hour_long_treatment_can_start_every_quarter_hour_from_opening_until_an_hour_before_closing()
    {
        var slots = Find(Search());
        Assert.Equal(33, slots.Count);
        Assert.Equal(Utc(Monday, 9), slots[0].StartUtc);
        Assert.Equal(Utc(Monday, 10), slots[0].EndUtc);
        Assert.Equal(Utc(Monday, 17), slots[^1].StartUtc);
        Assert.All(slots, s => Assert.Equal(0, s.StartUtc.Minute % 15));
    }

    [Fact]
    public void A_treatment_that_would_run_past_closing_time_is_not_offered()
    {
        var slots = Find(Search(minutes: 90));
        Assert.Equal(Utc(Monday, 16, 30), slots[^1].StartUtc);
        Assert.All(slots, s => Assert.True(s.EndUtc <= Utc(Monday, 18)));
    }

    [Fact]
    public void A_busy_practitioner_is_not_offered_for_any_overlapping_time()
    {
        var busy = Busy(practitioners: [(Practitioner, Utc(Monday, 10), Utc(Monday, 11))]);
        var slots = Find(Search(busy: busy));
        Assert.DoesNotContain(slots, s => s.Overlaps(Utc(Monday, 10), Utc(Monday, 11)));
        Assert.Contains(slots, s => s.StartUtc == Utc(Monday, 9));
        Assert.Contains(slots, s => s.StartUtc == Utc(Monday, 11));
        Assert.Equal(33 - 7, slots.Count);
    }

    [Fact]
    public void An_appointment_that_started_the_evening_before_still_blocks_its_resources()
    {
        var busy = Busy(practitioners: [(Practitioner, Utc(Monday.AddDays(-1), 23), Utc(Monday, 9, 30))]);
        var slots = Find(Search(busy: busy));
        Assert.Equal(Utc(Monday, 9, 30), slots[0].StartUtc);
    }

    [Fact]
    public void When_the_only_room_is_busy_nobody_is_offered_that_time()
    {
        var busy = Busy(rooms: [(Room, Utc(Monday, 13), Utc(Monday, 14))]);
        var slots = Find(Search(practitioners: [Candidate(), Candidate(OtherPractitioner)], busy: busy));
        Assert.DoesNotContain(slots, s => s.Overlaps(Utc(Monday, 13), Utc(Monday, 14)));
    }

    [Fact]
    public void When_one_room_is_busy_the_slot_is_offered_in_the_other()
    {
        var busy = Busy(rooms: [(Room, Utc(Monday, 13), Utc(Monday, 14))]);
        var slots = Find(Search(rooms: [Room, OtherRoom], busy: busy));
        Assert.Equal(33, slots.Count);
        Assert.All(slots.Where(s => s.Overlaps(Utc(Monday, 13), Utc(Monday, 14))), s => Assert.Equal(OtherRoom, s.RoomId));
        Assert.Equal(Room, slots[0].RoomId);
    }

    [Fact]
    public void A_busy_device_is_left_out_and_a_treatment_whose_device_kind_is_missing_gets_no_slots()
    {
        var busy = Busy(devices: [(Device, Utc(Monday, 9), Utc(Monday, 12))]);
        var slots = Find(Search(devices: [Device], busy: busy));
        Assert.Equal(Utc(Monday, 12), slots[0].StartUtc);
        Assert.All(slots, s => Assert.Equal(Device, s.DeviceId));
        Assert.Empty(Find(Search(devices: [])));
        Assert.All(Find(Search()), s => Assert.Null(s.DeviceId));
    }

    [Fact]
    public void Nothing_is_offered_when_the_clinic_is_closed_for_the_weekend_or_a_closure()
    {
        Assert.Empty(Find(Search(from: Saturday, to: Saturday.AddDays(1))));
        var closed = Clinic(closures: new ClosedDates(Monday, Monday));
        var slots = Find(Search(clinic: closed, from: Monday, to: Monday.AddDays(1)));
        Assert.NotEmpty(slots);
        Assert.All(slots, s => Assert.Equal(Monday.AddDays(1), DateOnly.FromDateTime(s.StartUtc)));
    }

    [Fact]
    public void Nothing_is_offered_outside_opening_hours_or_in_a_lunch_break()
    {
        var hours = new List<OpeningPeriod>
        {
            new(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0)),
            new(DayOfWeek.Monday, new TimeOnly(13, 0), new TimeOnly(17, 0)),
        };
        var slots = Find(Search(clinic: Clinic(hours: hours)));
        Assert.DoesNotContain(slots, s => s.Overlaps(Utc(Monday, 12), Utc(Monday, 13)));
        Assert.DoesNotContain(slots, s => s.StartUtc < Utc(Monday, 9) || s.EndUtc > Utc(Monday, 17));
        Assert.Equal(9 + 13, slots.Count);
    }

    [Fact]
    public void Opening_periods_that_touch_are_one_period()
    {
        var hours = new List<OpeningPeriod>
        {
            new(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 30)),
            new(DayOfWeek.Monday, new TimeOnly(12, 30), new TimeOnly(18, 0)),
        };
        Assert.Contains(Find(Search(clinic: Clinic(hours: hours))), s => s.StartUtc == Utc(Monday, 12));
    }

    [Fact]
    public void A_practitioner_on_leave_is_not_offered_while_a_colleague_is()
    {
        var onLeave = Candidate(schedule: Schedule(leave: [OnLeave(Monday, Monday)]));
        var slots = Find(Search(practitioners: [onLeave, Candidate(OtherPractitioner)], rooms: [Room, OtherRoom]));
        Assert.NotEmpty(slots);
        Assert.All(slots, s => Assert.Equal(OtherPractitioner, s.PractitionerId));
    }

    [Fact]
    public void A_weekly_pattern_limits_the_practitioner_to_their_hours_within_opening_hours()
    {
        var schedule = Schedule(weekly: [Works(DayOfWeek.Monday, 7, 10), Works(DayOfWeek.Monday, 14, 20)]);
        var slots = Find(Search(practitioners: [Candidate(schedule: schedule)]));
        Assert.Equal([Utc(Monday, 9), .. Enumerable.Range(0, 13).Select(i => Utc(Monday, 14).AddMinutes(15 * i))], slots.Select(s => s.StartUtc));
        Assert.Empty(Find(Search(from: Monday.AddDays(1), practitioners: [Candidate(schedule: schedule)])));
    }

    [Fact]
    public void An_exception_replaces_the_weekly_pattern_for_that_day_and_an_empty_one_is_a_day_off()
    {
        var schedule = Schedule(weekly: [Works(DayOfWeek.Monday, 9, 18)], exceptions: [Instead(Monday, 13, 15)]);
        var slots = Find(Search(practitioners: [Candidate(schedule: schedule)]));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => Utc(Monday, 13).AddMinutes(15 * i)), slots.Select(s => s.StartUtc));

        var dayOff = Schedule(exceptions: [DayOff(Monday)]);
        Assert.Empty(Find(Search(practitioners: [Candidate(schedule: dayOff)])));
        Assert.NotEmpty(Find(Search(from: Monday.AddDays(1), practitioners: [Candidate(schedule: dayOff)])));
    }

    [Fact]
    public void A_practitioner_is_not_offered_after_their_qualification_or_licence_expires()
    {
        var slots = Find(Search(to: Monday.AddDays(2), practitioners: [Candidate(qualifiedUntil: Monday.AddDays(1))]));
        Assert.Equal([Monday, Monday.AddDays(1)], slots.Select(s => DateOnly.FromDateTime(s.StartUtc)).Distinct());
    }

    [Fact]
    public void Times_in_the_past_are_not_offered_and_the_next_one_is_on_the_grid()
    {
        var slots = Find(Search(now: Utc(Monday, 10, 7)));
        Assert.Equal(Utc(Monday, 10, 15), slots[0].StartUtc);
        Assert.Empty(Find(Search(now: Utc(Monday, 17, 1))));
    }

    [Fact]
    public void The_grid_is_the_clinics_local_quarter_hours_even_in_a_zone_offset_by_45_minutes()
    {
        // Asia/Kathmandu is UTC+05:45: 09:00 local is 03:15 UTC.
        var slots = Find(Search(clinic: Clinic("Asia/Kathmandu")));
        Assert.Equal(new DateTime(2026, 12, 7, 3, 15, 0, DateTimeKind.Utc), slots[0].StartUtc);
        Assert.Equal(33, slots.Count);
    }

    [Fact]
    public void On_the_night_the_clocks_go_forward_in_London_the_missing_hour_is_not_offered()
    {
        // 2027-03-28: 01:00 GMT becomes 02:00 BST. A clinic open 00:00-06:00 local is open five real hours.
        var sunday = new DateOnly(2027, 3, 28);
        var clinic = Clinic("Europe/London", [new OpeningPeriod(DayOfWeek.Sunday, new TimeOnly(0, 0), new TimeOnly(6, 0))]);
        var slots = Find(Search(clinic: clinic, from: sunday));
        Assert.Equal(Utc(sunday, 0), slots[0].StartUtc);
        Assert.Equal(Utc(sunday, 4), slots[^1].StartUtc); // 06:00 BST is 05:00 UTC
        Assert.Equal(17, slots.Count);
    }

    [Fact]
    public void After_the_clocks_go_forward_in_London_local_opening_hours_start_an_hour_earlier_in_UTC()
    {
        var clinic = Clinic("Europe/London", [new OpeningPeriod(DayOfWeek.Sunday, new TimeOnly(9, 0), new TimeOnly(17, 0)), new OpeningPeriod(DayOfWeek.Saturday, new TimeOnly(9, 0), new TimeOnly(17, 0))]);
        var slots = Find(Search(clinic: clinic, from: new DateOnly(2027, 3, 27), to: new DateOnly(2027, 3, 28)));
        Assert.Equal(new DateTime(2027, 3, 27, 9, 0, 0, DateTimeKind.Utc), slots[0].StartUtc);
        Assert.Contains(slots, s => s.StartUtc == new DateTime(2027, 3, 28, 8, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2027, 3, 28, 15, 0, 0, DateTimeKind.Utc), slots[^1].StartUtc); // ends 17:00 BST
        Assert.Equal(29 * 2, slots.Count);
    }

    [Fact]
    public void On_the_night_the_clocks_go_back_in_London_the_repeated_hour_is_offered_twice()
    {
        // 2026-10-25: 02:00 BST becomes 01:00 GMT. A clinic open 00:00-06:00 local is open seven real hours.
        var sunday = new DateOnly(2026, 10, 25);
        var clinic = Clinic("Europe/London", [new OpeningPeriod(DayOfWeek.Sunday, new TimeOnly(0, 0), new TimeOnly(6, 0))]);
        var slots = Find(Search(clinic: clinic, from: sunday));
        Assert.Equal(new DateTime(2026, 10, 24, 23, 0, 0, DateTimeKind.Utc), slots[0].StartUtc);
        Assert.Equal(Utc(sunday, 5), slots[^1].StartUtc);
        Assert.Equal(25, slots.Count);
    }

    [Fact]
    public void Slots_are_ordered_by_start_then_by_practitioner_in_the_order_given()
    {
        var slots = Find(Search(practitioners: [Candidate(OtherPractitioner), Candidate()], rooms: [Room, OtherRoom]));
        Assert.Equal(66, slots.Count);
        Assert.Equal(OtherPractitioner, slots[0].PractitionerId);
        Assert.Equal(Room, slots[0].RoomId);
        Assert.Equal(Practitioner, slots[1].PractitionerId);
        Assert.Equal(Utc(Monday, 9), slots[1].StartUtc);
        Assert.Equal(slots.OrderBy(s => s.StartUtc).Select(s => s.StartUtc), slots.Select(s => s.StartUtc));
    }

    [Fact]
    public void A_search_says_when_it_stopped_at_the_cap()
    {
        var capped = SlotFinder.Find(Search(to: Monday.AddDays(4), maxSlots: 40));
        Assert.Equal(40, capped.Slots.Count);
        Assert.True(capped.Truncated);
        var exact = SlotFinder.Find(Search(maxSlots: 33));
        Assert.Equal(33, exact.Slots.Count);
        Assert.False(exact.Truncated);
    }

    [Fact]
    public void Thirty_days_for_twenty_practitioners_are_found_on_intervals_not_minutes()
    {
        var practitioners = Enumerable.Range(1, 20).Select(_ => Candidate(Guid.NewGuid())).ToList();
        var rooms = Enumerable.Range(1, 5).Select(_ => Guid.NewGuid()).ToList();
        var result = SlotFinder.Find(Search(from: Monday, to: Monday.AddDays(29), practitioners: practitioners, rooms: rooms, maxSlots: int.MaxValue));
        // 22 weekdays in the 30 days, 33 starts a day, each offered for every practitioner.
        Assert.Equal(22 * 33 * 20, result.Slots.Count);
    }
}
