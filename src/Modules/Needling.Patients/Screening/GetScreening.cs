using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Patients.Data;
using Needling.SharedKernel.Errors;

namespace Needling.Patients.Screening;

internal static class GetScreening
{
    public static void Map(RouteGroupBuilder desk, RouteGroupBuilder clinical)
    {
        desk.MapGet("/patients/{id:guid}/screening", async (Guid id, PatientsDbContext db, CancellationToken ct) =>
        {
            await db.EnsurePatientExistsAsync(id, ct);
            var current = await db.ScreeningEntries.AsNoTracking()
                .Where(e => e.PatientId == id && e.SupersededAtUtc == null && !e.Removed)
                .OrderBy(e => e.Kind).ThenBy(e => e.RecordedAtUtc).ToListAsync(ct);
            return TypedResults.Ok(current.Select(ScreeningEntryDto.From).ToList());
        }).WithSummary("The patient's current screening answers.");

        clinical.MapGet("/patients/{id:guid}/screening/history", async (Guid id, PatientsDbContext db, CancellationToken ct) =>
        {
            await db.EnsurePatientExistsAsync(id, ct);
            var all = await db.ScreeningEntries.AsNoTracking().Where(e => e.PatientId == id)
                .OrderBy(e => e.EntryKey).ThenBy(e => e.Revision).ToListAsync(ct);
            return TypedResults.Ok(all.Select(ScreeningEntryDto.From).ToList());
        }).WithSummary("Every revision of every screening answer, with who recorded it and when (Practitioner).");
    }
}
