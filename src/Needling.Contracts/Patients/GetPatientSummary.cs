using MediatR;

namespace Needling.Contracts.Patients;

/// <summary>Asks for what other modules may show of a patient; null when the patient is unknown.</summary>
public sealed record GetPatientSummary(Guid PatientId) : IRequest<PatientSummary?>;

/// <summary>A patient as documents and schedules need them.</summary>
/// <param name="Id">Patient id.</param>
/// <param name="GivenName">Given name.</param>
/// <param name="FamilyName">Family name.</param>
/// <param name="DateOfBirth">Date of birth.</param>
/// <param name="PreferredLanguage">en, ja or th.</param>
/// <param name="Email">E-mail address, if given.</param>
public sealed record PatientSummary(Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string PreferredLanguage, string? Email)
{
    /// <summary>Initials only ("E. C."): what a calendar may show instead of a name.</summary>
    public string Initials => $"{Initial(GivenName)}{Initial(FamilyName)}".Trim();

    /// <summary>The full name as the patient writes it in <paramref name="language"/>: family name first in Japanese.</summary>
    /// <param name="language">en, ja or th.</param>
    public string NameIn(string language) => language == "ja" ? $"{FamilyName} {GivenName}" : $"{GivenName} {FamilyName}";

    private static string Initial(string name) => name.Length > 0 ? $"{char.ToUpperInvariant(name[0])}. " : "";
}
