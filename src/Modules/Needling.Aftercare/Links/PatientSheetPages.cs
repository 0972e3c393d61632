using Needling.SharedKernel.Hosting;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MediatR;
using Needling.Contracts.Clinic;
using Microsoft.EntityFrameworkCore;
using Needling.Aftercare.Data;
using Needling.Aftercare.Texts;
using Needling.SharedKernel.Audit;

namespace Needling.Aftercare.Links;

/// <summary>
/// The patient's side of a download link: a small page in their language (no script needed, readable on a
/// phone) and the PDF itself, byte for byte as stored. The token is the credential; an altered or expired one
/// gets the same plain page, in English, that reveals nothing.
/// </summary>
internal static class PatientSheetPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var patient = app.MapGroup("/aftercare").WithTags("Aftercare (patient link)").AllowAnonymous();
        patient.MapGet("/{token}", async (string token, AftercareDbContext db, SheetLinks links, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
        {
            var sheet = await FindAsync(token, db, links, clock, ct);
            if (sheet is null)
            {
                return PatientPage.Render("en", AftercareText.For("en").DownloadPage.Title, $"<p>{Html(AftercareText.For("en").DownloadPage.Expired)}</p>", StatusCodes.Status404NotFound);
            }
            var t = AftercareText.For(sheet.Language);
            var day = (await mediator.Send(new GetClinicProfile(), ct)).LocalDate(sheet.PerformedAtUtc);
            var body = $"<p>{Html(AftercareText.Fill(t.DownloadPage.Text, ("date", t.Date(day))))}</p>"
                + $"<p><a class=\"button\" href=\"{Html(token)}/pdf\">{Html(t.DownloadPage.Button)}</a></p>";
            return PatientPage.Render(sheet.Language, t.DownloadPage.Title, body, StatusCodes.Status200OK);
        }).WithSummary("The patient's page for their aftercare sheet (token from the e-mail or the QR code).")
            .Produces<string>(StatusCodes.Status200OK, "text/html").Produces<string>(StatusCodes.Status404NotFound, "text/html");

        patient.MapGet("/{token}/pdf", async (string token, AftercareDbContext db, SheetLinks links, ReadAudit audit, TimeProvider clock, CancellationToken ct) =>
        {
            var sheet = await FindAsync(token, db, links, clock, ct);
            if (sheet is not null)
            {
                await audit.RecordAsync(db, sheet.PatientId, "AftercareSheetPdf", sheet.Id, actorId: ReadAudit.PatientLink, ct: ct);
            }
            return sheet is null
                ? PatientPage.Render("en", AftercareText.For("en").DownloadPage.Title, $"<p>{Html(AftercareText.For("en").DownloadPage.Expired)}</p>", StatusCodes.Status404NotFound)
                : Results.File(sheet.Pdf, "application/pdf", $"aftercare-{sheet.PerformedAtUtc:yyyy-MM-dd}.pdf");
        }).WithSummary("The aftercare sheet's PDF, as stored.")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf").Produces<string>(StatusCodes.Status404NotFound, "text/html");
    }

    private static async Task<Domain.AftercareSheet?> FindAsync(string token, AftercareDbContext db, SheetLinks links, TimeProvider clock, CancellationToken ct) =>
        links.Read(token, clock.GetUtcNow().UtcDateTime) is { } id ? await db.Sheets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) : null;

    private static string Html(string s) => WebUtility.HtmlEncode(s);
}

/// <summary>The frame of every page a patient opens from a link: their language, readable on a phone, no script, never cached, a strict CSP.</summary>
internal static class PatientPage
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
        + ".button{display:inline-block;padding:.8rem 1.2rem;background:#1d4e89;color:#fff;border:0;border-radius:.4rem;text-decoration:none;font-size:1rem}"
        + "textarea{width:100%}";

    /// <summary>
    /// Nothing but this page's own style sheet (by its hash: the text is fixed) and posting back to this service: no
    /// script at all, nothing loaded from elsewhere, never inside a frame.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IResult Render(string language, string title, string body, int status) => status switch
    {
        < 400 => new Page(language, title, body, status),
        StatusCodes.Status404NotFound => new PageOrProblem(new Page(language, title, body, status), status, "The link is not valid or has expired."),
        StatusCodes.Status415UnsupportedMediaType => new PageOrProblem(new Page(language, title, body, status), status,
            "The answer must be sent as a form: multipart/form-data or application/x-www-form-urlencoded."),
        _ => new PageOrProblem(new Page(language, title, body, status), status,
            "The answer is incomplete: answer must be 'fine' or 'wrong', and a photo a JPEG or PNG of at most 8 MB."),
    };

    private static string Html(string s) => WebUtility.HtmlEncode(s);

    private sealed class Page(string language, string title, string body, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            http.Response.Headers["X-Robots-Tag"] = "noindex";
            http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return http.Response.WriteAsync($"""
                <!doctype html>
                <html lang="{language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{Html(title)}</title><style>{Style}</style></head>
                <body><h1>{Html(title)}</h1>{body}</body></html>
                """);
        }
    }
}
