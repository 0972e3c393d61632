using Needling.Booking.Domain;
using Needling.SharedKernel.Concurrency;

namespace Needling.Booking.Schedules;

internal sealed record WeeklyPeriodDto(DayOfWeek Day, TimeOnly Start, TimeOnly End);

internal sealed record PeriodDto(TimeOnly Start, TimeOnly End);

internal sealed record ExceptionDto(DateOnly Date, IReadOnlyList<PeriodDto> Periods);

internal sealed record LeaveDto(Guid Id, DateOnly FromDate, DateOnly ToDate, string Reason)
{
    public static LeaveDto From(Leave l) => new(l.Id, l.FromDate, l.ToDate, l.Reason);
}

/// <summary>
/// A practitioner's schedule. <see cref="WorksWheneverClinicOpen"/> is true while no weekly pattern is set:
/// then the practitioner can be booked whenever the clinic is open (exceptions and leave still apply).
/// <see cref="Version"/>, in quotes, is the ETag a change of the weekly pattern, an exception or leave sends as If-Match.
/// </summary>
internal sealed record ScheduleDto(
    Guid PractitionerId, bool WorksWheneverClinicOpen, IReadOnlyList<WeeklyPeriodDto> Periods,
    IReadOnlyList<ExceptionDto> Exceptions, IReadOnlyList<LeaveDto> Leave, int Version) : IVersionedResource;
