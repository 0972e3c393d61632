using Needling.Booking.Availability;
using Needling.Booking.Domain;
using Needling.Booking.Schedules;
using Needling.Contracts.Clinic;

namespace Needling.Booking.Tests.Support;

/// <summary>Small builders: a clinic open Monday to Friday 09:00-18:00 unless told otherwise.</summary>
internal static class Given
{
    public static readonly DateOnly Monday = new(2026, 12, 7);
    public static readonly DateOnly Saturday = new(2026, 12, 12);
    public static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly Guid Practitioner = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid OtherPractitioner = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    public static readonly Guid Room = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    public static readonly Guid OtherRoom = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    public static readonly Guid Device = Guid.Parse("00000000-0000-0000-0000-0000000000c1");

    public static ClinicCalendar Clinic(string zone = "UTC", IReadOnlyList<OpeningPeriod>? hours = null, params ClosedDates[] closures) =>
        new(zone, hours ?? Weekdays(9, 18), closures);

    public static IReadOnlyList<OpeningPeriod> Weekdays(int opens, int closes) =>
        [.. Enum.GetValues<DayOfWeek>().Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(d => new OpeningPeriod(d, new TimeOnly(opens, 0), new TimeOnly(closes, 0)))];

    public static DateTime Utc(DateOnly date, int hour, int minute = 0) =>
        date.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);

    public static WorkingPeriod Works(DayOfWeek day, int from, int to) =>
        new() { PractitionerId = Practitioner, Day = day, Start = new TimeOnly(from, 0), End = new TimeOnly(to, 0) };

    public static ScheduleException Instead(DateOnly date, int from, int to) =>
        new() { PractitionerId = Practitioner, Date = date, Start = new TimeOnly(from, 0), End = new TimeOnly(to, 0) };

    public static ScheduleException DayOff(DateOnly date) => new() { PractitionerId = Practitioner, Date = date };

    public static Leave OnLeave(DateOnly from, DateOnly to) => new() { PractitionerId = Practitioner, FromDate = from, ToDate = to, Reason = "Holiday" };

    public static PractitionerSchedule Schedule(
        IReadOnlyList<WorkingPeriod>? weekly = null, IReadOnlyList<ScheduleException>? exceptions = null, IReadOnlyList<Leave>? leave = null) =>
        new(weekly ?? [], exceptions ?? [], leave ?? []);

    public static SlotCandidate Candidate(Guid? id = null, PractitionerSchedule? schedule = null, DateOnly? qualifiedUntil = null) =>
        new(id ?? Practitioner, qualifiedUntil ?? DateOnly.MaxValue, schedule ?? PractitionerSchedule.WheneverClinicOpen);

    public static SlotSearch Search(
        ClinicCalendar? clinic = null, DateOnly? from = null, DateOnly? to = null, int minutes = 60, DateTime? now = null,
        IReadOnlyList<SlotCandidate>? practitioners = null, IReadOnlyList<Guid>? rooms = null, IReadOnlyList<Guid>? devices = null,
        BusyTimes? busy = null, int maxSlots = SlotFinder.DefaultMaxSlots) =>
        new(new ClinicHours(clinic ?? Clinic()), from ?? Monday, to ?? from ?? Monday, TimeSpan.FromMinutes(minutes), now ?? LongAgo,
            practitioners ?? [Candidate()], rooms ?? [Room], devices, busy ?? BusyTimes.None, maxSlots);

    public static BusyTimes Busy(
        IEnumerable<(Guid, DateTime, DateTime)>? practitioners = null,
        IEnumerable<(Guid, DateTime, DateTime)>? rooms = null,
        IEnumerable<(Guid, DateTime, DateTime)>? devices = null) =>
        new(practitioners ?? [], rooms ?? [], devices ?? []);

    public static bool Overlaps(this Slot s, DateTime start, DateTime end) => s.StartUtc < end && start < s.EndUtc;
}
