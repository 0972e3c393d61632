using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Patients.Data;
using Needling.Patients.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;
using Needling.SharedKernel.Security;

namespace Needling.Patients.Screening;

/// <summary>
/// Add a screening answer (receptionist or practitioner), revise one or remove one (practitioner).
/// Revising and removing add a new revision and mark the old one superseded: nothing is overwritten.
/// </summary>
internal static class RecordScreening
{
    internal sealed record RemoveRequest(string Reason);

    public static void Map(RouteGroupBuilder desk, RouteGroupBuilder clinical)
    {
        desk.MapPost("/patients/{id:guid}/screening", async (Guid id, ScreeningAnswer a, ClaimsPrincipal user, PatientsDbContext db, ICurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        {
            ScreeningAnswerRules.Validate(a);
            // The severity of a condition is a clinical judgement ("a bleeding disorder marked severe by the
            // practitioner" blocks every needling): the desk records the condition, the practitioner grades it.
            if (a.Kind == ScreeningKinds.Condition && a.Severity is not null && !user.IsInRole(Roles.Practitioner))
            {
                throw new RuleViolationException("screening.severity-by-practitioner",
                    "Only a practitioner can grade how severe a condition is. Record the condition without a severity.");
            }
            await db.EnsurePatientExistsAsync(id, ct);
            var entry = NewRevision(id, Guid.CreateVersion7(), 1, a, removed: false, actor, clock);
            db.ScreeningEntries.Add(entry);
            await ScreeningVersions.RaiseAsync(db, id, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation())
            {
                // Another change to this patient's screening was saved at the same instant; nothing of this one was.
                throw new ConflictException("The patient's screening was changed at the same moment: read it again and add the answer again if it is still missing.");
            }
            return TypedResults.Created($"/patients/{id}/screening/{entry.EntryKey}", ScreeningEntryDto.From(entry));
        }).WithSummary("Record a screening answer: condition, medication, allergy, skin finding or pregnancy.")
            .AnswersETag(StatusCodes.Status201Created);

        clinical.MapPut("/patients/{id:guid}/screening/{entryKey:guid}", async (Guid id, Guid entryKey, ScreeningAnswer a, HttpContext http, PatientsDbContext db, ICurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        {
            ScreeningAnswerRules.Validate(a);
            var current = await CurrentAsync(db, id, entryKey, ct);
            http.EnsureMatches(current.Revision, "screening answer");
            if (current.Kind != a.Kind)
            {
                throw new ValidationException(new Dictionary<string, string[]> { ["kind"] = [$"an entry keeps its kind ({current.Kind}); remove it and add a new one instead."] });
            }
            var next = Supersede(db, current, a, removed: false, actor, clock);
            await ScreeningVersions.RaiseAsync(db, id, ct);
            await SaveAsync(db, ct);
            return TypedResults.Ok(ScreeningEntryDto.From(next));
        }).WithSummary("Revise a screening answer (Practitioner; If-Match: the answer's ETag, its revision); the earlier revision is kept.")
            .RequiresIfMatch();

        clinical.MapPost("/patients/{id:guid}/screening/{entryKey:guid}/remove", async (Guid id, Guid entryKey, RemoveRequest r, HttpContext http, PatientsDbContext db, ICurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        {
            new Validator().NotBlank(r.Reason, "reason", 2000).ThrowIfInvalid();
            var current = await CurrentAsync(db, id, entryKey, ct);
            http.EnsureMatches(current.Revision, "screening answer");
            var answer = new ScreeningAnswer(current.Kind, current.Code, current.Name, current.Area, current.Severity, current.StartedOn, current.EndedOn, r.Reason.Trim());
            var next = Supersede(db, current, answer, removed: true, actor, clock);
            await ScreeningVersions.RaiseAsync(db, id, ct);
            await SaveAsync(db, ct);
            return TypedResults.Ok(ScreeningEntryDto.From(next));
        }).WithSummary("Remove a screening answer entered in error (Practitioner; If-Match: the answer's ETag), with a reason; the history keeps it.")
            .RequiresIfMatch();
    }

    /// <summary>
    /// Two revisions made from the same one at the same moment: the second finds the old revision superseded
    /// already (its concurrency token) or its own revision number taken (the unique key). Either way it is a
    /// change from a version that is no longer current.
    /// </summary>
    private static async Task SaveAsync(PatientsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation())
        {
            throw new PreconditionFailedException("screening answer");
        }
    }

    private static async Task<ScreeningEntry> CurrentAsync(PatientsDbContext db, Guid patientId, Guid entryKey, CancellationToken ct)
    {
        await db.EnsurePatientExistsAsync(patientId, ct);
        return await db.ScreeningEntries.SingleOrDefaultAsync(
                e => e.PatientId == patientId && e.EntryKey == entryKey && e.SupersededAtUtc == null && !e.Removed, ct)
            ?? throw new NotFoundException("Screening entry", entryKey);
    }

    private static ScreeningEntry Supersede(PatientsDbContext db, ScreeningEntry current, ScreeningAnswer a, bool removed, ICurrentActor actor, TimeProvider clock)
    {
        var next = NewRevision(current.PatientId, current.EntryKey, current.Revision + 1, a, removed, actor, clock);
        current.SupersededAtUtc = next.RecordedAtUtc;
        db.ScreeningEntries.Add(next);
        return next;
    }

    private static ScreeningEntry NewRevision(Guid patientId, Guid key, int revision, ScreeningAnswer a, bool removed, ICurrentActor actor, TimeProvider clock) => new()
    {
        PatientId = patientId,
        EntryKey = key,
        Revision = revision,
        Kind = a.Kind,
        Code = a.Code,
        Name = a.Name?.Trim(),
        Area = a.Area,
        Severity = a.Severity,
        StartedOn = a.StartedOn,
        EndedOn = a.EndedOn,
        Notes = a.Notes?.Trim(),
        Removed = removed,
        RecordedBy = actor.Id,
        RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
    };
}
