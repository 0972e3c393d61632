using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Needling.Patients.Data;
using Needling.Patients.Domain;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Data;

namespace Needling.Patients.Screening;

/// <summary>If-Match for a patient's screening as a whole: its version row, raised by each change to what GET shows.</summary>
internal static class ScreeningVersions
{
    public static async Task<int> CurrentAsync(PatientsDbContext db, Guid patientId, CancellationToken ct) =>
        await db.ScreeningVersions.AsNoTracking().Where(v => v.PatientId == patientId).Select(v => (int?)v.Version).SingleOrDefaultAsync(ct) ?? 0;

    /// <summary>
    /// 428/412 unless If-Match names the current version; then the save raises it, comparing in the UPDATE (or, for
    /// the first change, inserting under the primary key), so two changes from one version cannot both be saved.
    /// </summary>
    public static async Task<ScreeningVersion> MatchAsync(HttpContext http, PatientsDbContext db, Guid patientId, CancellationToken ct)
    {
        var row = await db.ScreeningVersions.SingleOrDefaultAsync(v => v.PatientId == patientId, ct);
        http.EnsureMatches(row?.Version ?? 0, "screening");
        return Raise(db, patientId, row);
    }

    /// <summary>A change that names no screening version (an answer added, revised or removed) still makes a new one.</summary>
    public static async Task<ScreeningVersion> RaiseAsync(PatientsDbContext db, Guid patientId, CancellationToken ct) =>
        Raise(db, patientId, await db.ScreeningVersions.SingleOrDefaultAsync(v => v.PatientId == patientId, ct));

    public static async Task SaveAsync(HttpContext http, PatientsDbContext db, ScreeningVersion version, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation())
        {
            throw new PreconditionFailedException("screening");
        }
        http.SetETag(version.Version);
    }

    private static ScreeningVersion Raise(PatientsDbContext db, Guid patientId, ScreeningVersion? row)
    {
        if (row is null)
        {
            return db.ScreeningVersions.Add(new ScreeningVersion { PatientId = patientId, Version = 1 }).Entity;
        }
        db.Entry(row).State = EntityState.Modified;
        return row;
    }
}
