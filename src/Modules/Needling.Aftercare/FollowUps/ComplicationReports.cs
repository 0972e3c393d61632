using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Needling.Aftercare.Data;
using Needling.Aftercare.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Security;

namespace Needling.Aftercare.FollowUps;

/// <summary>
/// The treating practitioner's list: check-ins answered "something is wrong" until they are closed, and check-ins
/// still unanswered some days after they were due (the last one especially: silence after day 7 is worth a call).
/// The practitioner acknowledges a report (they have seen it) and closes it with a note (what was done).
/// </summary>
internal static class ComplicationReports
{
    internal sealed record ReportDto(Guid Id, Guid SessionId, Guid PatientId, string TreatmentCode, int Day, string Kind, DateTime DueAtUtc,
        DateTime? AnsweredAtUtc, string? Text, bool HasPhoto, DateTime? AcknowledgedAtUtc, string? AcknowledgedBy);

    internal sealed record CloseRequest(string Note);

    public static void Map(RouteGroupBuilder practitioner)
    {
        practitioner.MapGet("/complications", async (HttpContext http, AftercareDbContext db, ReadAudit audit, IOptions<AftercareOptions> options, TimeProvider clock, CancellationToken ct) =>
        {
            var me = PractitionerOf(http);
            var unansweredBefore = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.UnansweredAfterDays);
            var rows = await db.FollowUps.AsNoTracking()
                .Where(f => f.PractitionerId == me && f.ClosedAtUtc == null
                    && (f.Answer == FollowUpAnswer.Wrong || (f.AnsweredAtUtc == null && f.DueAtUtc < unansweredBefore)))
                .OrderBy(f => f.DueAtUtc)
                .Select(f => new ReportDto(f.Id, f.SessionId, f.PatientId, f.TreatmentCode, f.Day, f.Answer == FollowUpAnswer.Wrong ? "report" : "unanswered",
                    f.DueAtUtc, f.AnsweredAtUtc, f.Text, f.Photo != null, f.AcknowledgedAtUtc, f.AcknowledgedBy))
                .ToListAsync(ct);
            await audit.RecordEachPatientAsync(db, "ComplicationReports", rows.Select(r => (r.PatientId, r.Id)), ct: ct);
            return TypedResults.Ok(rows);
        }).WithSummary("Your patients' complication reports and unanswered check-ins, until closed.");

        practitioner.MapGet("/complications/{id:guid}/photo", async (Guid id, HttpContext http, AftercareDbContext db, ReadAudit audit, CancellationToken ct) =>
        {
            var me = PractitionerOf(http);
            var f = await db.FollowUps.AsNoTracking().Where(x => x.Id == id && x.PractitionerId == me).Select(x => new { x.Photo, x.PhotoType, x.PatientId }).SingleOrDefaultAsync(ct);
            if (f?.Photo is null)
            {
                throw new NotFoundException("Photo of report", id);
            }
            await audit.RecordAsync(db, f.PatientId, "ComplicationPhoto", id, ct: ct);
            return Results.File(f.Photo, f.PhotoType ?? "application/octet-stream");
        }).WithSummary("The photo a patient sent with a report.")
            .Produces<byte[]>(StatusCodes.Status200OK, "image/jpeg", "image/png").ProducesProblem(StatusCodes.Status404NotFound);

        practitioner.MapPost("/complications/{id:guid}/acknowledge", async (Guid id, HttpContext http, AftercareDbContext db, ICurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var f = await FindAsync(db, id, PractitionerOf(http), ct);
            f.AcknowledgedAtUtc ??= clock.GetUtcNow().UtcDateTime;
            f.AcknowledgedBy ??= actor.Id;
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).WithSummary("You have seen the report (or the missing answer).");

        practitioner.MapPost("/complications/{id:guid}/close", async (Guid id, CloseRequest r, HttpContext http, AftercareDbContext db, ICurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        {
            new Validator().NotBlank(r.Note, "note", 2000).ThrowIfInvalid();
            var f = await FindAsync(db, id, PractitionerOf(http), ct);
            if (f.ClosedAtUtc is not null)
            {
                throw new ConflictException("This report is already closed.");
            }
            var now = clock.GetUtcNow().UtcDateTime;
            f.AcknowledgedAtUtc ??= now;
            f.AcknowledgedBy ??= actor.Id;
            f.ClosedAtUtc = now;
            f.ClosedBy = actor.Id;
            f.CloseNote = r.Note.Trim();
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).WithSummary("Close a report with a note of what was done.");
    }

    private static async Task<FollowUp> FindAsync(AftercareDbContext db, Guid id, Guid practitionerId, CancellationToken ct) =>
        await db.FollowUps.SingleOrDefaultAsync(f => f.Id == id && f.PractitionerId == practitionerId, ct) ?? throw new NotFoundException("Report", id);

    private static Guid PractitionerOf(HttpContext http) =>
        TokenClaims.PractitionerIdOf(http.User)
            ?? throw new RuleViolationException("aftercare.practitioner-unlinked", "Your account is not linked to a practitioner record, so it has no patients' reports.");
}
