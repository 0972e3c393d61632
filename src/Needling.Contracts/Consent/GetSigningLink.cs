using MediatR;

namespace Needling.Contracts.Consent;

/// <summary>Makes a fresh signing link for an open consent request; null when the request is signed, cancelled or unknown.</summary>
/// <param name="RequestId">Consent request id.</param>
public sealed record GetSigningLink(Guid RequestId) : IRequest<SigningLinkInfo?>;

/// <summary>The link's path (an encrypted, expiring token: it reveals nothing) and when it stops working.</summary>
/// <param name="Path">e.g. /consent/sign/{token}; prefix the service's public address.</param>
/// <param name="ExpiresAtUtc">When the link stops working.</param>
/// <param name="FormInPatientLanguage">False when the form has no text in the patient's language and is shown in English: tell the patient.</param>
public sealed record SigningLinkInfo(string Path, DateTime ExpiresAtUtc, bool FormInPatientLanguage = true);
