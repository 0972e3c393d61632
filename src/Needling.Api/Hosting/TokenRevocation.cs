using Microsoft.AspNetCore.Authentication.JwtBearer;
using Needling.SharedKernel.Security;

namespace Needling.Api.Hosting;

/// <summary>
/// Refuses a token of ours whose account was disabled, given other roles or a new password since it was
/// issued: its security stamp is no longer the account's. Runs on every authenticated request after the
/// signature and lifetime checks; the stamp comes from memory (<see cref="ISecurityStamps"/>), not the database.
/// </summary>
internal static class TokenRevocation
{
    public static async Task RefuseRevokedAsync(TokenValidatedContext context)
    {
        var user = context.Principal;
        // A token without a stamp was issued before stamps existed, or not by us: it cannot be checked, so it is refused.
        var current = Guid.TryParse(user?.FindFirst(TokenClaims.Subject)?.Value, out var account)
            && Guid.TryParse(user?.FindFirst(TokenClaims.SecurityStamp)?.Value, out var stamp)
            && await context.HttpContext.RequestServices.GetRequiredService<ISecurityStamps>()
                .IsCurrentAsync(account, stamp, context.HttpContext.RequestAborted);
        if (!current)
        {
            context.Fail("The token was revoked: its account was disabled or changed since it was issued. Sign in again.");
        }
    }
}
