using MediatR;

namespace Needling.Contracts.Clinic;

/// <summary>Asks for one practitioner's qualifications; the answer is null when the id is unknown.</summary>
public sealed record GetPractitioner(Guid PractitionerId) : IRequest<PractitionerInfo?>;

/// <summary>A practitioner as eligibility and scheduling need them.</summary>
/// <param name="Id">Practitioner id.</param>
/// <param name="DisplayName">Name shown to staff.</param>
/// <param name="Active">False once the practitioner has left the clinic.</param>
/// <param name="LicenceExpiresOn">Last valid day of the professional licence, if recorded.</param>
/// <param name="Qualifications">Qualification codes with their last valid day.</param>
/// <param name="ClinicalLead">May approve retiring or weakening a blocking clinical rule that someone else proposed.</param>
public sealed record PractitionerInfo(
    Guid Id, string DisplayName, bool Active, DateOnly? LicenceExpiresOn, IReadOnlyList<QualificationInfo> Qualifications, bool ClinicalLead = false);

/// <summary>One qualification held by a practitioner.</summary>
/// <param name="Code">Qualification code from the rules vocabulary, e.g. "dry-needling-certification".</param>
/// <param name="ExpiresOn">Last valid day, or null when it does not expire.</param>
public sealed record QualificationInfo(string Code, DateOnly? ExpiresOn);
