using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Caching;
using Needling.Booking.Schedules;

namespace Needling.Booking.Domain;

/// <summary>A practitioner's usual working period on one weekday, in the clinic's local time.</summary>
[CachedAs(ScheduleCache.Region)]
internal sealed class WorkingPeriod : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PractitionerId { get; init; }
    public DayOfWeek Day { get; init; }
    public TimeOnly Start { get; init; }
    public TimeOnly End { get; init; }
}

/// <summary>
/// A one-day change to the weekly pattern: the periods worked on that date instead of the usual ones
/// (none at all means a day off).
/// </summary>
[CachedAs(ScheduleCache.Region)]
internal sealed class ScheduleException : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PractitionerId { get; init; }
    public DateOnly Date { get; init; }
    public TimeOnly? Start { get; init; }
    public TimeOnly? End { get; init; }
}

/// <summary>Leave: inclusive local dates on which the practitioner does not work.</summary>
[CachedAs(ScheduleCache.Region)]
internal sealed class Leave : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PractitionerId { get; init; }
    public DateOnly FromDate { get; init; }
    public DateOnly ToDate { get; init; }
    public string Reason { get; init; } = "";
}

/// <summary>
/// The version of one practitioner's weekly pattern and one-day exceptions, which are rows replaced as a whole:
/// this row is what a change from a stale view conflicts on (If-Match). No row yet: version 0.
/// </summary>
internal sealed class ScheduleVersion : Needling.SharedKernel.Concurrency.IVersioned
{
    public Guid PractitionerId { get; init; }
    public int Version { get; set; }
}
