using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Caching;
using Needling.Clinic.Integration;

namespace Needling.Clinic.Domain;

/// <summary>A treatment the clinic offers; its code ties it to the protocol rules.</summary>
[CachedAs(ClinicCache.Region)]
internal sealed class Treatment : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int DurationMinutes { get; set; }
    public string? DeviceKind { get; set; }
    public bool RequiresRegulatoryClearance { get; set; }
    public bool HasRegulatoryClearance { get; set; }
    public bool Active { get; set; } = true;
}
