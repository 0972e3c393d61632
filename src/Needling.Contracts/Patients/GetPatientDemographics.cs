using MediatR;

namespace Needling.Contracts.Patients;

/// <summary>Asks for a patient's details as a record exported to another system needs them; null when the patient is unknown.</summary>
/// <param name="PatientId">Patient id.</param>
public sealed record GetPatientDemographics(Guid PatientId) : IRequest<PatientDemographics?>;

/// <summary>A patient's registered details.</summary>
/// <param name="Id">Patient id.</param>
/// <param name="GivenName">Given name.</param>
/// <param name="FamilyName">Family name.</param>
/// <param name="DateOfBirth">Date of birth.</param>
/// <param name="PreferredLanguage">en, ja or th.</param>
/// <param name="Phone">Phone number as entered, if given.</param>
/// <param name="Email">E-mail address, if given.</param>
/// <param name="RegisteredAtUtc">When the patient was registered (UTC).</param>
public sealed record PatientDemographics(
    Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string PreferredLanguage, string? Phone, string? Email, DateTime RegisteredAtUtc);
