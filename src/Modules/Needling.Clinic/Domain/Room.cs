using Needling.SharedKernel.Audit;

namespace Needling.Clinic.Domain;

internal sealed class Room : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public bool Active { get; set; } = true;
}
