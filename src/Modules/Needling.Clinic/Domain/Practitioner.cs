using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Caching;
using Needling.Clinic.Integration;
using Needling.SharedKernel.Concurrency;

namespace Needling.Clinic.Domain;

[CachedAs(ClinicCache.Region)]
internal sealed class Practitioner : IAudited, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Version { get; set; }
    public string DisplayName { get; set; } = "";
    public string Profession { get; set; } = "";
    public string? LicenceNumber { get; set; }
    public DateOnly? LicenceExpiresOn { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>May approve retiring or weakening a blocking clinical rule proposed by someone else (issue 12).</summary>
    public bool ClinicalLead { get; set; }
    public List<Qualification> Qualifications { get; set; } = [];
}

/// <summary>A qualification code from the rules vocabulary; ExpiresOn is the last valid day.</summary>
[CachedAs(ClinicCache.Region)]
internal sealed class Qualification
{
    public string Code { get; set; } = "";
    public DateOnly? ExpiresOn { get; set; }
}
