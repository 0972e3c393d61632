using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Needling.Consent.Data;
using Needling.Consent.Domain;
using Needling.Consent.Requests;
using Needling.Consent.Signing;
using Needling.Consent.Validity;
using Needling.Contracts.Consent;

namespace Needling.Consent.Integration;

/// <summary>The patient's signing link, made when it is sent (staff's button and the e-mail alike), so it expires from then.</summary>
internal sealed class GetSigningLinkHandler(ConsentDbContext db, SigningLinks links, IMediator mediator, TimeProvider clock, IOptions<ConsentOptions> options)
    : IRequestHandler<GetSigningLink, SigningLinkInfo?>
{
    public async Task<SigningLinkInfo?> Handle(GetSigningLink q, CancellationToken ct)
    {
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == q.RequestId && r.Status == ConsentRequestStatus.Open, ct);
        if (request is null)
        {
            return null;
        }
        var expires = clock.GetUtcNow().UtcDateTime.AddHours(options.Value.LinkLifetimeHours);
        var described = await RequestLanguage.DescribeAsync(request, await RequestLanguage.OfPatientAsync(mediator, request.PatientId, ct), db, ct);
        return new SigningLinkInfo($"/consent/sign/{links.Create(q.RequestId, expires)}", expires, described.LanguageNotice is null);
    }
}
