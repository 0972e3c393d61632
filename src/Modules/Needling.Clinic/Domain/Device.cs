using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Caching;
using Needling.Clinic.Integration;
using Needling.SharedKernel.Concurrency;

namespace Needling.Clinic.Domain;

/// <summary>A needling device. Kind matches a treatment's DeviceKind; the serial is kept for traceability.</summary>
[CachedAs(ClinicCache.Region)]
internal sealed class Device : IAudited, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Serial { get; set; } = "";
    /// <summary>The last day the device may be used before its next maintenance; null when it has no schedule.</summary>
    public DateOnly? MaintenanceDueOn { get; set; }
    public bool Active { get; set; } = true;

    public static readonly IReadOnlySet<string> Kinds =
        new HashSet<string>(StringComparer.Ordinal) { "microneedling-pen", "derma-roller", "dry-needling-kit", "injection-kit" };
}
