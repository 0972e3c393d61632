using Needling.Patients.Domain;
using Needling.SharedKernel.Concurrency;

namespace Needling.Patients.Registration;

internal sealed record PatientDto(
    Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string? Phone, string? Email, string PreferredLanguage, int Version) : IVersionedResource
{
    public static PatientDto From(Patient p) => new(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Phone, p.Email, p.PreferredLanguage, p.Version);
}

/// <summary>The patient's details as entered at the desk.</summary>
internal sealed record PatientDetails(
    string GivenName, string FamilyName, DateOnly DateOfBirth, string PreferredLanguage = "en", string? Phone = null, string? Email = null);
