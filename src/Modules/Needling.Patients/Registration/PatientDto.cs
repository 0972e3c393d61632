using Needling.Patients.Domain;

namespace Needling.Patients.Registration;

internal sealed record PatientDto(
    Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string? Phone, string? Email, string PreferredLanguage)
{
    public static PatientDto From(Patient p) => new(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Phone, p.Email, p.PreferredLanguage);
}

/// <summary>The patient's details as entered at the desk.</summary>
internal sealed record PatientDetails(
    string GivenName, string FamilyName, DateOnly DateOfBirth, string PreferredLanguage = "en", string? Phone = null, string? Email = null);
