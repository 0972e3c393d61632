using Needling.SharedKernel.Hosting;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Consent.Data;
using Needling.Consent.Domain;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Audit;

namespace Needling.Consent.Signing;

/// <summary>
/// The patient's side: no login, only the link's token, which must be intact, unexpired and for an open
/// request (or, for the copy, the request it signed). Never cached, never sent on as a referrer.
/// </summary>
internal static class PatientSigningEndpoints
{
    internal sealed record LinkSigned(DateTime SignedAtUtc, int TemplateVersion, string PdfSha256);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/consent/sign/{token}", async (string token, SigningLinks links, ConsentDbContext db, SignConsent signing, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var nonce = Secure(http);
            var request = await FindAsync(token, links, db, clock, ct);
            if (request is null)
            {
                return Invalid(SigningPageHtml.Message(PageText.For("en"), PageText.For("en").Invalid, nonce));
            }
            var t = PageText.For(await signing.PatientLanguageAsync(request.PatientId, ct));
            if (request.Status != ConsentRequestStatus.Open)
            {
                return Invalid(SigningPageHtml.Message(t, t.Invalid, nonce));
            }
            var (form, version) = await signing.FormInForceAsync(request.TreatmentCode, t.Lang, ct);
            return Results.Content(SigningPageHtml.Form(form, version, t, nonce), "text/html; charset=utf-8");
        }).AllowAnonymous().WithTags("Consent (patient link)")
            .WithSummary("The patient's signing page (token from the signing link): the form in force in their language.")
            .Produces<string>(StatusCodes.Status200OK, "text/html").Produces<string>(StatusCodes.Status404NotFound, "text/html");

        app.MapPost("/consent/sign/{token}", async (string token, SignConsent.Submission s, SigningLinks links, ConsentDbContext db, SignConsent signing, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            Secure(http);
            var request = await FindAsync(token, links, db, clock, ct) ?? throw new InvalidLinkException();
            var signed = await signing.SignAsync(request.Id, s, new SignConsent.Signer("link", http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString()), ct);
            return TypedResults.Ok(new LinkSigned(signed.SignedAtUtc, signed.TemplateVersion, signed.PdfSha256));
        }).AllowAnonymous().WithTags("Consent (patient link)")
            .WithSummary("The patient signs through the link: typed full name and drawn signature (PNG).")
            .Produces<LinkSigned>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        app.MapGet("/consent/sign/{token}/pdf", async (string token, SigningLinks links, ConsentDbContext db, ReadAudit audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            Secure(http);
            var request = await FindAsync(token, links, db, clock, ct);
            var pdf = request?.SignedConsentId is { } id ? await db.Signed.AsNoTracking().Where(x => x.Id == id).Select(x => x.Pdf).SingleAsync(ct) : null;
            if (pdf is null)
            {
                throw new InvalidLinkException();
            }
            await audit.RecordAsync(db, request!.PatientId, "SignedConsentPdf", request.SignedConsentId!.Value, actorId: ReadAudit.PatientLink, ct: ct);
            return Results.File(pdf, "application/pdf", "consent.pdf");
        }).AllowAnonymous().WithTags("Consent (patient link)")
            .WithSummary("The PDF the patient signed through this link.")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<ConsentRequest?> FindAsync(string token, SigningLinks links, ConsentDbContext db, TimeProvider clock, CancellationToken ct) =>
        links.Read(token, clock.GetUtcNow().UtcDateTime) is { } requestId
            ? await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId && r.Status != ConsentRequestStatus.Cancelled, ct)
            : null;

    private static IResult Invalid(string page) =>
        new PageOrProblem(Results.Content(page, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound), StatusCodes.Status404NotFound,
            "The signing link is not valid, has expired or was already used.");

    private static string Secure(HttpContext http)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var h = http.Response.Headers;
        h.CacheControl = "no-store";
        h["Referrer-Policy"] = "no-referrer";
        h["X-Content-Type-Options"] = "nosniff";
        h["X-Frame-Options"] = "DENY";
        h.ContentSecurityPolicy = $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        return nonce;
    }
}

/// <summary>404 for a link that is malformed, altered, expired or used up: the same answer for each, revealing nothing.</summary>
internal sealed class InvalidLinkException() : NeedlingException("Link not valid", "This signing link has expired or is not valid. Ask the clinic for a new one.")
{
    public override int StatusCode => 404;
}
