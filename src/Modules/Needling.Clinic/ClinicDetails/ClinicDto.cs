using Needling.Clinic.Domain;
using Needling.SharedKernel.Concurrency;

namespace Needling.Clinic.ClinicDetails;

internal sealed record OpeningHoursDto(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

internal sealed record ClosureDto(Guid Id, DateOnly FromDate, DateOnly ToDate, string Reason)
{
    public static ClosureDto From(Closure c) => new(c.Id, c.FromDate, c.ToDate, c.Reason);
}

/// <param name="Version">The clinic settings' version: in quotes, the ETag a change of them sends as If-Match (closures are added and removed, never changed).</param>
internal sealed record ClinicDto(string Name, string TimeZoneId, IReadOnlyList<OpeningHoursDto> OpeningHours, IReadOnlyList<ClosureDto> Closures, string? Phone, string? Jurisdiction, int Version)
    : IVersionedResource;
