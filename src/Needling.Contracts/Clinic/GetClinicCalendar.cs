using MediatR;

namespace Needling.Contracts.Clinic;

/// <summary>Asks for the clinic's time zone, weekly opening hours and closures (for scheduling).</summary>
public sealed record GetClinicCalendar : IRequest<ClinicCalendar>;

/// <summary>When the clinic is open, in its own time zone.</summary>
/// <param name="TimeZoneId">IANA time zone id.</param>
/// <param name="OpeningHours">Weekly opening periods, local times.</param>
/// <param name="Closures">Closed date ranges, inclusive local dates.</param>
public sealed record ClinicCalendar(string TimeZoneId, IReadOnlyList<OpeningPeriod> OpeningHours, IReadOnlyList<ClosedDates> Closures);

/// <summary>One opening period on one weekday.</summary>
/// <param name="Day">Weekday.</param><param name="Opens">Local opening time.</param><param name="Closes">Local closing time.</param>
public sealed record OpeningPeriod(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>Days the clinic is closed.</summary>
/// <param name="FromDate">First closed day.</param><param name="ToDate">Last closed day.</param>
public sealed record ClosedDates(DateOnly FromDate, DateOnly ToDate);
