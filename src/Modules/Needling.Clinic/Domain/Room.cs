using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Caching;
using Needling.Clinic.Integration;

namespace Needling.Clinic.Domain;

[CachedAs(ClinicCache.Region)]
internal sealed class Room : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public bool Active { get; set; } = true;
}
