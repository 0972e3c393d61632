using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Caching;
using Needling.Clinic.Integration;
using Needling.SharedKernel.Concurrency;

namespace Needling.Clinic.Domain;

/// <summary>The one clinic this installation runs. Opening hours are local times in <see cref="TimeZoneId"/>.</summary>
[CachedAs(ClinicCache.Region)]
internal sealed class ClinicSettings : IAudited, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string TimeZoneId { get; set; } = "UTC";
    /// <summary>The number patients call: printed on aftercare sheets and in messages. Null until the Admin records it.</summary>
    public string? Phone { get; set; }
    /// <summary>
    /// Where the clinic practises, as an ISO 3166 country code (TH, JP, GB): which regulator's status of a product
    /// counts. Null until the Admin records it, and then no product that needs clearance is cleared.
    /// </summary>
    public string? Jurisdiction { get; set; }
    public List<OpeningHours> OpeningHours { get; set; } = [];
}

[CachedAs(ClinicCache.Region)]
internal sealed class OpeningHours
{
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}

/// <summary>Days the clinic is closed (public holidays, refurbishment), inclusive local dates.</summary>
[CachedAs(ClinicCache.Region)]
internal sealed class Closure : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateOnly FromDate { get; set; }
    public DateOnly ToDate { get; set; }
    public string Reason { get; set; } = "";
}
