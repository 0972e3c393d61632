using MediatR;

namespace Needling.Contracts.Consent;

/// <summary>Does this patient hold a valid signed consent for this treatment at this time? Session recording asks before any needle.</summary>
/// <param name="PatientId">Patient id.</param>
/// <param name="TreatmentCode">Treatment code.</param>
/// <param name="AtUtc">The moment that matters (the session's start).</param>
public sealed record GetConsentStatus(Guid PatientId, string TreatmentCode, DateTime AtUtc) : IRequest<ConsentStatus>;

/// <summary>The answer.</summary>
/// <param name="Valid">True only for a signed consent that is not withdrawn, superseded or expired.</param>
/// <param name="State">valid, missing, withdrawn, superseded or expired.</param>
/// <param name="ConsentId">The latest signed consent, if any.</param>
/// <param name="TemplateVersion">The version of the form it was signed on.</param>
/// <param name="ExpiresAtUtc">When it stops being valid by age.</param>
public sealed record ConsentStatus(bool Valid, string State, Guid? ConsentId, int? TemplateVersion, DateTime? ExpiresAtUtc);
