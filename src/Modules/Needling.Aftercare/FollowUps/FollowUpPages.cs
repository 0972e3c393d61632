using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MediatR;
using Needling.Aftercare.Data;
using Needling.Aftercare.Domain;
using Needling.Aftercare.Links;
using Needling.Aftercare.Texts;
using Needling.Contracts.Clinic;

namespace Needling.Aftercare.FollowUps;

/// <summary>
/// The patient answers a check-in on a small page in their language: a plain HTML form (no script needed, a phone's
/// camera for the photo). The token in the path is the only credential, so the form carries nothing else; an
/// altered or expired token gets a page that says so and reveals nothing. A check-in is answered once.
/// </summary>
internal static class FollowUpPages
{
    private const int MaxPhotoBytes = 8 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        var patient = app.MapGroup("/aftercare/follow-up").WithTags("Aftercare (patient link)").AllowAnonymous();
        patient.MapGet("/{token}", async (string token, AftercareDbContext db, FollowUpLinks links, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
        {
            var f = await FindAsync(token, db, links, clock, ct);
            if (f is null)
            {
                return Invalid();
            }
            var t = AftercareText.For(f.Language);
            if (f.AnsweredAtUtc is not null)
            {
                return PatientPage.Render(f.Language, t.FollowUp.PageTitle, $"<p>{Html(t.FollowUp.Thanks)}</p>", StatusCodes.Status200OK);
            }
            var question = AftercareText.Fill(t.FollowUp.Question, ("date", t.Date((await mediator.Send(new GetClinicProfile(), ct)).LocalDate(f.PerformedAtUtc))));
            var form = $"""
                <form method="post" enctype="multipart/form-data">
                <p>{Html(question)}</p>
                <p><label><input type="radio" name="answer" value="fine" required> {Html(t.FollowUp.AllFine)}</label></p>
                <p><label><input type="radio" name="answer" value="wrong" id="wrong"> {Html(t.FollowUp.SomethingWrong)}</label></p>
                <p><label for="text">{Html(t.FollowUp.Describe)}</label><br><textarea id="text" name="text" rows="5" maxlength="4000"></textarea></p>
                <p><label for="photo">{Html(t.FollowUp.Photo)}</label><br><input type="file" id="photo" name="photo" accept="image/jpeg,image/png" capture="environment"></p>
                <p><button type="submit" class="button" id="send">{Html(t.FollowUp.Send)}</button></p>
                </form>
                """;
            return PatientPage.Render(f.Language, t.FollowUp.PageTitle, form, StatusCodes.Status200OK);
        }).WithSummary("The patient's check-in page (token from the follow-up e-mail).")
            .Produces<string>(StatusCodes.Status200OK, "text/html").Produces<string>(StatusCodes.Status404NotFound, "text/html");

        patient.MapPost("/{token}", async (string token, HttpContext http, AftercareDbContext db, FollowUpLinks links, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
        {
            var f = await db.FollowUps.SingleOrDefaultAsync(x => x.Id == (links.Read(token, clock.GetUtcNow().UtcDateTime) ?? Guid.Empty), ct);
            if (f is null)
            {
                return Invalid();
            }
            var t = AftercareText.For(f.Language);
            if (f.AnsweredAtUtc is not null)
            {
                return PatientPage.Render(f.Language, t.FollowUp.PageTitle, $"<p>{Html(t.FollowUp.Thanks)}</p>", StatusCodes.Status200OK);
            }
            if (!http.Request.HasFormContentType)
            {
                return PatientPage.Render(f.Language, t.FollowUp.PageTitle, $"<p>{Html(t.FollowUp.Expired)}</p>", StatusCodes.Status415UnsupportedMediaType);
            }
            var form = await http.Request.ReadFormAsync(ct);
            var answer = form["answer"].ToString();
            if (answer is not (FollowUpAnswer.Fine or FollowUpAnswer.Wrong))
            {
                return PatientPage.Render(f.Language, t.FollowUp.PageTitle, $"<p>{Html(t.FollowUp.Question)}</p>", StatusCodes.Status400BadRequest);
            }
            var photo = form.Files.GetFile("photo");
            if (photo is { Length: > 0 } && (photo.Length > MaxPhotoBytes || photo.ContentType is not ("image/jpeg" or "image/png")))
            {
                return PatientPage.Render(f.Language, t.FollowUp.PageTitle, $"<p>{Html(t.FollowUp.Photo)}: JPEG/PNG, ≤ 8 MB</p>", StatusCodes.Status400BadRequest);
            }
            f.Answer = answer;
            f.AnsweredAtUtc = clock.GetUtcNow().UtcDateTime;
            var text = form["text"].ToString().Trim();
            f.Text = text.Length == 0 ? null : text.Length > 4000 ? text[..4000] : text;
            if (photo is { Length: > 0 })
            {
                using var copy = new MemoryStream();
                await photo.CopyToAsync(copy, ct);
                f.Photo = copy.ToArray();
                f.PhotoType = photo.ContentType;
            }
            await db.SaveChangesAsync(ct);
            if (answer == FollowUpAnswer.Fine)
            {
                return PatientPage.Render(f.Language, t.FollowUp.PageTitle, $"<p>{Html(t.FollowUp.Thanks)}</p>", StatusCodes.Status200OK);
            }
            var phone = (await mediator.Send(new GetClinicProfile(), ct)).Phone ?? "";
            return PatientPage.Render(f.Language, t.FollowUp.PageTitle,
                $"<p id=\"thanks\">{Html(AftercareText.Fill(t.FollowUp.ThanksWorried, ("phone", phone)))}</p>", StatusCodes.Status200OK);
        }).DisableAntiforgery() // the token in the path is the credential; a cross-site form cannot know it
          .WithSummary("The patient's answer to a check-in: all fine, or something is wrong (text, optional photo).")
          .Accepts<FollowUpForm>("multipart/form-data", "application/x-www-form-urlencoded")
          .Produces<string>(StatusCodes.Status200OK, "text/html").Produces<string>(StatusCodes.Status400BadRequest, "text/html")
          .Produces<string>(StatusCodes.Status415UnsupportedMediaType, "text/html");
    }

    private static async Task<FollowUp?> FindAsync(string token, AftercareDbContext db, FollowUpLinks links, TimeProvider clock, CancellationToken ct) =>
        links.Read(token, clock.GetUtcNow().UtcDateTime) is { } id ? await db.FollowUps.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct) : null;

    private static IResult Invalid() =>
        PatientPage.Render("en", AftercareText.For("en").FollowUp.PageTitle, $"<p>{Html(AftercareText.For("en").FollowUp.Expired)}</p>", StatusCodes.Status404NotFound);

    private static string Html(string s) => WebUtility.HtmlEncode(s);
}

// The check-in form as the page posts it, declared for the API description (the handler reads the form itself):
// answer "fine" or "wrong"; text at most 4,000 characters; photo a JPEG or PNG of at most 8 MB.
internal sealed record FollowUpForm(string Answer, string? Text, IFormFile? Photo);
