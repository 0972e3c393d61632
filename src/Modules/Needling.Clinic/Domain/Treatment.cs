using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Caching;
using Needling.Clinic.Integration;
using Needling.SharedKernel.Concurrency;

namespace Needling.Clinic.Domain;

/// <summary>A treatment the clinic offers; its code ties it to the protocol rules.</summary>
[CachedAs(ClinicCache.Region)]
internal sealed class Treatment : IAudited, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Version { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int DurationMinutes { get; set; }
    public string? DeviceKind { get; set; }
    public bool RequiresRegulatoryClearance { get; set; }
    /// <summary>
    /// The product's regulatory status per jurisdiction (<see cref="RegulatoryStatus"/>), as JSON. Whether the clinic
    /// may give it follows from the clinic's jurisdiction (ClinicSettings.Jurisdiction): only "approved" there clears it.
    /// </summary>
    public string? RegulatoryStatusJson { get; set; }

    public IReadOnlyList<RegulatoryStatus> RegulatoryStatuses =>
        RegulatoryStatusJson is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<RegulatoryStatus>>(RegulatoryStatusJson) ?? [];

    public RegulatoryStatus? StatusIn(string? jurisdiction) =>
        jurisdiction is null ? null : RegulatoryStatuses.FirstOrDefault(s => string.Equals(s.Jurisdiction, jurisdiction, StringComparison.OrdinalIgnoreCase));

    public bool IsClearedIn(string? jurisdiction) => StatusIn(jurisdiction)?.Status == RegulatoryStatus.Approved;
    public bool Active { get; set; } = true;
}
