using Needling.Clinic.Domain;

namespace Needling.Clinic.ClinicDetails;

internal sealed record OpeningHoursDto(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

internal sealed record ClosureDto(Guid Id, DateOnly FromDate, DateOnly ToDate, string Reason)
{
    public static ClosureDto From(Closure c) => new(c.Id, c.FromDate, c.ToDate, c.Reason);
}

internal sealed record ClinicDto(string Name, string TimeZoneId, IReadOnlyList<OpeningHoursDto> OpeningHours, IReadOnlyList<ClosureDto> Closures, string? Phone, string? Jurisdiction);
