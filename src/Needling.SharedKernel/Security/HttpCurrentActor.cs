using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Needling.SharedKernel.Audit;

namespace Needling.SharedKernel.Security;

/// <summary>The signed-in staff member's subject id; "system" outside a request.</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public string Id =>
        accessor.HttpContext?.User.FindFirstValue(TokenClaims.Subject)
        ?? accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? "system";
}
