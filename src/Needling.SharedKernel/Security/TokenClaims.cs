using System.Security.Claims;

namespace Needling.SharedKernel.Security;

/// <summary>Claim names in our own tokens: the short JWT names, not the long WS-* URIs.</summary>
public static class TokenClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    /// <summary>The practitioner record a staff account acts as, when it has one.</summary>
    public const string PractitionerId = "practitioner_id";
    /// <summary>The account's security stamp when the token was issued; see <see cref="ISecurityStamps"/>.</summary>
    public const string SecurityStamp = "stamp";
    /// <summary>"true" in the token of an Admin account with the auditor permission (GET /audit).</summary>
    public const string Auditor = "auditor";

    /// <summary>The practitioner record the signed-in account acts as; null for an account without one.</summary>
    public static Guid? PractitionerIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(PractitionerId), out var id) ? id : null;
}
