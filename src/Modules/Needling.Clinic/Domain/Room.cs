using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Caching;
using Needling.Clinic.Integration;
using Needling.SharedKernel.Concurrency;

namespace Needling.Clinic.Domain;

[CachedAs(ClinicCache.Region)]
internal sealed class Room : IAudited, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public bool Active { get; set; } = true;
}
