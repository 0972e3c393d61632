using Needling.Clinic.Domain;
using Needling.SharedKernel.Concurrency;

namespace Needling.Clinic.Practitioners;

internal sealed record QualificationDto(string Code, DateOnly? ExpiresOn = null);

internal sealed record PractitionerDto(
    Guid Id, string DisplayName, string Profession, string? LicenceNumber, DateOnly? LicenceExpiresOn, bool Active,
    IReadOnlyList<QualificationDto> Qualifications, bool ClinicalLead, int Version) : IVersionedResource
{
    public static PractitionerDto From(Practitioner p) => new(
        p.Id, p.DisplayName, p.Profession, p.LicenceNumber, p.LicenceExpiresOn, p.Active,
        p.Qualifications.OrderBy(q => q.Code, StringComparer.Ordinal).Select(q => new QualificationDto(q.Code, q.ExpiresOn)).ToList(), p.ClinicalLead, p.Version);
}
