using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Needling.Contracts.Patients;
using Needling.Patients.Data;
using Needling.Patients.Domain;
using Needling.Patients.Integration;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;

namespace Needling.Patients.Screening;

internal static class GetScreening
{
    /// <summary>
    /// The current answers, the latest reconfirmation, and whether a practitioner's review is due. <see cref="Version"/>,
    /// in quotes, is the ETag a confirmation sends as If-Match: it confirms exactly these answers.
    /// </summary>
    internal sealed record CurrentScreeningDto(List<ScreeningEntryDto> Answers, ScreeningConfirmationInfo? LastConfirmation, bool ReviewDue, int Version)
        : IVersionedResource;

    public static void Map(RouteGroupBuilder desk, RouteGroupBuilder clinical)
    {
        desk.MapGet("/patients/{id:guid}/screening", async (Guid id, PatientReads reads, PatientsDbContext db, ReadAudit audit, TimeProvider clock, IOptions<ScreeningOptions> options, CancellationToken ct) =>
        {
            // The version first: answers changed in between then make a confirmation from it stale (412), never the reverse.
            var version = await ScreeningVersions.CurrentAsync(db, id, ct);
            var loaded = await reads.ScreeningAsync(id, ct) ?? throw new NotFoundException("Patient", id);
            await audit.RecordAsync(db, id, "Screening", id, ct: ct);
            var current = loaded.Entries;
            var answers = current.OrderBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.RecordedAtUtc).Select(ScreeningEntryDto.From).ToList();
            return TypedResults.Ok(new CurrentScreeningDto(answers, loaded.LastConfirmation, loaded.IsReviewDue(clock.GetUtcNow().UtcDateTime, options.Value.ReviewDays), version));
        }).WithSummary("The patient's current screening answers, the latest reconfirmation, and whether a practitioner's review is due; the ETag is what a confirmation sends as If-Match.")
            .AnswersETag();

        clinical.MapGet("/patients/{id:guid}/screening/history", async (Guid id, PatientsDbContext db, ReadAudit audit, CancellationToken ct) =>
        {
            await db.EnsurePatientExistsAsync(id, ct);
            var all = await db.ScreeningEntries.AsNoTracking().Where(e => e.PatientId == id)
                .OrderBy(e => e.EntryKey).ThenBy(e => e.Revision).ToListAsync(ct);
            await audit.RecordAsync(db, id, "ScreeningHistory", id, ct: ct);
            return TypedResults.Ok(all.Select(ScreeningEntryDto.From).ToList());
        }).WithSummary("Every revision of every screening answer, with who recorded it and when (Practitioner).");
    }
}
