using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Needling.Aftercare.Data;
using Needling.Aftercare.Mail;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Errors;

namespace Needling.Aftercare.Links;

/// <summary>Staff's view of a session's aftercare: the sheet, its delivery, and a link to print as a QR code.</summary>
internal static class SheetEndpoints
{
    internal sealed record SheetDto(Guid SessionId, string Language, string PdfSha256, DateTime CreatedAtUtc, IReadOnlyList<DeliveryDto> Deliveries);

    internal sealed record DeliveryDto(string Kind, string Status, DateTime DueAtUtc, int Attempts, DateTime? SentAtUtc);

    internal sealed record LinkDto(string Url, DateTime ExpiresAtUtc);

    public static void Map(RouteGroupBuilder desk)
    {
        desk.MapGet("/sessions/{sessionId:guid}/aftercare", async (Guid sessionId, AftercareDbContext db, ReadAudit audit, CancellationToken ct) =>
        {
            var sheet = await db.Sheets.AsNoTracking().Where(s => s.SessionId == sessionId)
                .Select(s => new { s.Id, s.PatientId, s.SessionId, s.Language, s.PdfSha256, s.CreatedAtUtc }).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("Aftercare sheet of session", sessionId);
            await audit.RecordAsync(db, sheet.PatientId, "AftercareSheet", sheet.Id, ct: ct);
            var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.SubjectId == sessionId).OrderBy(d => d.DueAtUtc)
                .Select(d => new DeliveryDto(d.Kind, d.Status, d.DueAtUtc, d.Attempts, d.SentAtUtc)).ToListAsync(ct);
            return TypedResults.Ok(new SheetDto(sheet.SessionId, sheet.Language, sheet.PdfSha256, sheet.CreatedAtUtc, deliveries));
        }).WithSummary("A signed session's aftercare sheet and the state of its delivery.");

        desk.MapGet("/sessions/{sessionId:guid}/aftercare/pdf", async (Guid sessionId, AftercareDbContext db, ReadAudit audit, CancellationToken ct) =>
        {
            var sheet = await db.Sheets.AsNoTracking().SingleOrDefaultAsync(s => s.SessionId == sessionId, ct)
                ?? throw new NotFoundException("Aftercare sheet of session", sessionId);
            await audit.RecordAsync(db, sheet.PatientId, "AftercareSheetPdf", sheet.Id, ct: ct);
            return Results.File(sheet.Pdf, "application/pdf", $"aftercare-{sheet.PerformedAtUtc:yyyy-MM-dd}.pdf");
        }).WithSummary("The aftercare sheet's PDF, byte for byte as rendered at signing (to print).")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);

        desk.MapPost("/sessions/{sessionId:guid}/aftercare/link", async (Guid sessionId, AftercareDbContext db, SheetLinks links, IOptions<MailOptions> options, TimeProvider clock, CancellationToken ct) =>
        {
            var sheetId = await db.Sheets.AsNoTracking().Where(s => s.SessionId == sessionId).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("Aftercare sheet of session", sessionId);
            var expires = clock.GetUtcNow().UtcDateTime.AddDays(options.Value.LinkLifetimeDays);
            return TypedResults.Ok(new LinkDto($"{options.Value.PublicBaseUrl.TrimEnd('/')}/aftercare/{links.Create(sheetId, expires)}", expires));
        }).WithSummary("A download link for the patient (to print as a QR code); it expires after Mail:LinkLifetimeDays.");
    }
}
