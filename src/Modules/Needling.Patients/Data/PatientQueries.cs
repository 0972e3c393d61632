using Microsoft.EntityFrameworkCore;
using Needling.SharedKernel.Errors;

namespace Needling.Patients.Data;

internal static class PatientQueries
{
    public static async Task EnsurePatientExistsAsync(this PatientsDbContext db, Guid id, CancellationToken ct)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == id, ct))
        {
            throw new NotFoundException("Patient", id);
        }
    }
}
