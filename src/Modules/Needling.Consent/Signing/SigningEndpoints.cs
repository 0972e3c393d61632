using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Consent.Data;
using Needling.Consent.Requests;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;

namespace Needling.Consent.Signing;

internal static class SigningEndpoints
{
    internal sealed record SignedDto(Guid Id, Guid RequestId, string TreatmentCode, int TemplateVersion, string Language, DateTime SignedAtUtc, DateTime ExpiresAtUtc, string PdfSha256);

    internal sealed record WithdrawRequest(string Reason);

    public static void Map(RouteGroupBuilder desk)
    {
        desk.MapPost("/consent/requests/{id:guid}/sign", async (Guid id, SignConsent.Submission s, SignConsent signing, HttpContext http, CancellationToken ct) =>
        {
            var signed = await signing.SignAsync(id, s, new SignConsent.Signer("tablet", http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString()), ct);
            return TypedResults.Created($"/consent/signed/{signed.Id}/pdf",
                new SignedDto(signed.Id, signed.RequestId, signed.TreatmentCode, signed.TemplateVersion, signed.Language, signed.SignedAtUtc, signed.ExpiresAtUtc, signed.PdfSha256));
        }).WithSummary("The patient signs on the clinic's tablet: typed full name and drawn signature (PNG). The PDF is rendered once and stored with its SHA-256.")
            .Produces<SignedDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        desk.MapGet("/consent/signed/{id:guid}/pdf", async (Guid id, ConsentDbContext db, ReadAudit audit, HttpContext http, CancellationToken ct) =>
        {
            var s = await db.Signed.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Pdf, x.PdfSha256, x.PatientId }).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("Signed consent", id);
            await audit.RecordAsync(db, s.PatientId, "SignedConsentPdf", id, ct: ct);
            http.Response.Headers["X-Content-SHA256"] = s.PdfSha256;
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(s.Pdf, "application/pdf", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{s.PdfSha256}\""));
        }).WithSummary("The signed PDF exactly as stored at signing (its SHA-256 in X-Content-SHA256 and the ETag).")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf").ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new ResponseHeaderMetadata(StatusCodes.Status200OK, "X-Content-SHA256", "SHA-256 of the PDF, as stored at signing."))
            .WithMetadata(new ResponseHeaderMetadata(StatusCodes.Status200OK, "ETag", "The PDF's SHA-256 in quotes; the PDF never changes."));

        desk.MapPost("/consent/signed/{id:guid}/withdraw", async (Guid id, WithdrawRequest r, ConsentDbContext db, ICurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        {
            new Validator().NotBlank(r.Reason, "reason", 1000).ThrowIfInvalid();
            var s = await db.Signed.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Signed consent", id);
            if (s.WithdrawnAtUtc is not null)
            {
                throw new ConflictException("This consent was withdrawn already.");
            }
            s.WithdrawnAtUtc = clock.GetUtcNow().UtcDateTime;
            s.WithdrawnBy = actor.Id;
            s.WithdrawalReason = r.Reason.Trim();
            await db.SaveChangesAsync(ct);
            // The patient is asked again before their next booked session of the treatment (they may say no again).
            await ConsentRequests.ReopenForNextAppointmentAsync(db, s.PatientId, s.TreatmentCode, s.WithdrawnAtUtc.Value, ct);
            return TypedResults.NoContent();
        }).WithSummary("Record that the patient withdrew this consent (who, when, why). The signed PDF stays as it was.");
    }
}
