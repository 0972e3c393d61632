using Needling.SharedKernel.Security;

namespace Needling.Consent.Signing;

/// <summary>The patient's signing link token: the request id and an expiry (<see cref="LinkTokens"/>).</summary>
internal sealed class SigningLinks(TokenSettings settings)
{
    private readonly LinkTokens _tokens = new(settings, "needling:consent-signing-link:v1");

    public string Create(Guid requestId, DateTime expiresAtUtc) => _tokens.Create(requestId, expiresAtUtc);

    /// <summary>The request id, or null for a token that is malformed, altered, from elsewhere or expired.</summary>
    public Guid? Read(string token, DateTime nowUtc) => _tokens.Read(token, nowUtc);
}
