using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Needling.Consent.Data;
using Needling.Consent.Domain;
using Needling.Consent.Signing;
using Needling.Consent.Validity;
using Needling.Contracts.Consent;

namespace Needling.Consent.Integration;

/// <summary>The patient's signing link, made when it is sent (staff's button and the e-mail alike), so it expires from then.</summary>
internal sealed class GetSigningLinkHandler(ConsentDbContext db, SigningLinks links, TimeProvider clock, IOptions<ConsentOptions> options)
    : IRequestHandler<GetSigningLink, SigningLinkInfo?>
{
    public async Task<SigningLinkInfo?> Handle(GetSigningLink q, CancellationToken ct)
    {
        var open = await db.Requests.AsNoTracking().AnyAsync(r => r.Id == q.RequestId && r.Status == ConsentRequestStatus.Open, ct);
        if (!open)
        {
            return null;
        }
        var expires = clock.GetUtcNow().UtcDateTime.AddHours(options.Value.LinkLifetimeHours);
        return new SigningLinkInfo($"/consent/sign/{links.Create(q.RequestId, expires)}", expires);
    }
}
