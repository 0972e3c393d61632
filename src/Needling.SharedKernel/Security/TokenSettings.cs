namespace Needling.SharedKernel.Security;

/// <summary>How the service signs its own staff tokens (when no external OpenID Connect issuer is trusted).</summary>
public sealed record TokenSettings(string Issuer, string Audience, byte[] SigningKey, TimeSpan Lifetime, bool LocalSignInEnabled);
