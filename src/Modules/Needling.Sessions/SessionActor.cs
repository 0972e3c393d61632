using System.Security.Claims;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Security;

namespace Needling.Sessions;

/// <summary>The practitioner record the signed-in account acts as (token claim practitioner_id).</summary>
internal static class SessionActor
{
    public static Guid PractitionerId(ClaimsPrincipal user) =>
        TokenClaims.PractitionerIdOf(user)
            ?? throw new RuleViolationException("session.practitioner-unlinked",
                "Your account is not linked to a practitioner record, so it cannot record sessions. An Admin links it (PUT /staff/{id}, practitionerId).");
}
