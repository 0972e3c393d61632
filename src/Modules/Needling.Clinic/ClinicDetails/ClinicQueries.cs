using Microsoft.EntityFrameworkCore;
using Needling.Clinic.Data;
using Needling.Clinic.Domain;

namespace Needling.Clinic.ClinicDetails;

internal static class ClinicQueries
{
    /// <summary>The clinic row is created by the module's seed on first start, so it always exists.</summary>
    public static Task<ClinicSettings> GetClinicAsync(this ClinicDbContext db, CancellationToken ct) =>
        db.Clinics.Include(c => c.OpeningHours).SingleAsync(ct);
}
