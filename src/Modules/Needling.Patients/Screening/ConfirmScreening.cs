using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Needling.Contracts.Patients;
using Needling.Patients.Data;
using Needling.Patients.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;
using Needling.SharedKernel.Security;

namespace Needling.Patients.Screening;

/// <summary>
/// POST /patients/{id}/screening/confirm: on the day of a session the patient (or the practitioner with them)
/// says the answers still hold. With reviewed = true a practitioner went through every answer with the patient.
/// </summary>
/// <remarks>
/// A receptionist who sends reviewed = true gets 422 (rule screening.review-by-practitioner), not 403: the
/// receptionist may call this endpoint, and what is refused is one claim in the request, which a 422 names as a
/// rule; 403 stays the answer to "this role may not call this endpoint" (RoleMatrixTests).
/// </remarks>
internal static class ConfirmScreening
{
    internal sealed record Request(string? ConfirmedBy, bool Reviewed = false);

    private sealed record Dates(DateTime? OldestAnswerAtUtc, DateTime? LastReviewAtUtc);

    public static void Map(RouteGroupBuilder desk) =>
        desk.MapPost("/patients/{id:guid}/screening/confirm", async (Guid id, Request r, ClaimsPrincipal user, HttpContext http, PatientsDbContext db,
            ICurrentActor actor, TimeProvider clock, IOptions<ScreeningOptions> options, CancellationToken ct) =>
        {
            new Validator().OneOf(r.ConfirmedBy, ScreeningConfirmers.All, "confirmedBy").ThrowIfInvalid();
            if (r.Reviewed && !user.IsInRole(Roles.Practitioner))
            {
                throw new RuleViolationException(ScreeningReviewPolicy.ReviewByPractitionerRule,
                    "Only a practitioner can record that the screening answers were reviewed with the patient.");
            }
            var dates = await db.Patients.Where(p => p.Id == id)
                .Select(p => new Dates(
                    db.ScreeningEntries.Where(e => e.PatientId == p.Id && e.SupersededAtUtc == null && !e.Removed).Min(e => (DateTime?)e.RecordedAtUtc),
                    db.ScreeningConfirmations.Where(c => c.PatientId == p.Id && c.Reviewed).Max(c => (DateTime?)c.ConfirmedAtUtc)))
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Patient", id);
            var now = clock.GetUtcNow().UtcDateTime;
            var days = options.Value.ReviewDays;
            if (!r.Reviewed && ScreeningReviewPolicy.IsReviewDue(now, dates.OldestAnswerAtUtc, dates.LastReviewAtUtc, days))
            {
                throw new RuleViolationException(ScreeningReviewPolicy.ReviewDueRule,
                    $"Some screening answers were recorded more than {days} days ago and have not been reviewed since: a practitioner must go through them with the patient (reviewed: true).",
                    new { reviewDays = days, oldestAnswerRecordedAtUtc = dates.OldestAnswerAtUtc, lastReviewAtUtc = dates.LastReviewAtUtc });
            }
            // Confirmed are the answers read (If-Match: the screening's ETag), not ones added or changed since. After the
            // rules: an answer that cannot be a confirmation at all is refused as such, whatever version it names.
            var version = await ScreeningVersions.MatchAsync(http, db, id, ct);
            var confirmation = new ScreeningConfirmation
            {
                PatientId = id,
                ConfirmedAtUtc = now,
                ConfirmedBy = r.ConfirmedBy!,
                Actor = actor.Id,
                Reviewed = r.Reviewed,
            };
            db.ScreeningConfirmations.Add(confirmation);
            await ScreeningVersions.SaveAsync(http, db, version, ct);
            return TypedResults.Created($"/patients/{id}/screening",
                new ScreeningConfirmationInfo(confirmation.ConfirmedAtUtc, confirmation.ConfirmedBy, confirmation.Actor, confirmation.Reviewed));
        }).WithSummary("Reconfirm the screening answers on the day (confirmedBy: patient or practitioner; reviewed: true when a practitioner went through every answer with the patient). 422 screening.review-due when the answers are older than Screening:ReviewDays and unreviewed. If-Match: the ETag of GET /patients/{id}/screening; the answer carries the new one.")
            .RequiresIfMatch(StatusCodes.Status201Created);
}
