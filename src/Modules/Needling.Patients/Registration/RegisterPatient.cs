using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Patients.Data;
using Needling.Patients.Domain;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Hosting;

namespace Needling.Patients.Registration;

/// <summary>
/// Register a patient. A patient with the same name and date of birth is most likely the same person
/// registered twice: the patient is still registered (twins and namesakes exist), and the answer warns.
/// </summary>
internal static class RegisterPatient
{
    internal sealed record Response(PatientDto Patient, IReadOnlyList<Guid> PossibleDuplicates, IReadOnlyList<string> Warnings) : IVersionedResource
    {
        public int Version => Patient.Version;
    }

    public static void Map(RouteGroupBuilder desk) =>
        desk.MapPost("/patients", async (PatientDetails r, PatientsDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var patient = new Patient { RegisteredAtUtc = now };
            PatientDetailsRules.Apply(r, patient, DateOnly.FromDateTime(now).AddDays(1));
            var duplicates = await db.Patients.AsNoTracking()
                .Where(p => p.SearchName == patient.SearchName && p.DateOfBirth == patient.DateOfBirth)
                .Select(p => p.Id).ToListAsync(ct);
            db.Patients.Add(patient);
            await db.SaveChangesAsync(ct);
            var warnings = duplicates.Count > 0
                ? new[] { $"{duplicates.Count} patient(s) with the same name and date of birth are registered already; check this is not the same person." }
                : [];
            return TypedResults.Created($"/patients/{patient.Id}", new Response(PatientDto.From(patient), duplicates, warnings));
        }).WithSummary("Register a patient; warns about a likely duplicate (same name and date of birth).")
            .AnswersETag(StatusCodes.Status201Created);
}
