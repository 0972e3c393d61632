using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.Patients.Data;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Errors;

namespace Needling.Patients.Registration;

internal static class UpdatePatient
{
    public static void Map(RouteGroupBuilder desk)
    {
        desk.MapGet("/patients/{id:guid}", async (Guid id, PatientsDbContext db, ReadAudit audit, CancellationToken ct) =>
        {
            var patient = await db.Patients.FindAsync([id], ct) ?? throw new NotFoundException("Patient", id);
            await audit.RecordAsync(db, id, "Patient", id, ct: ct);
            return TypedResults.Ok(PatientDto.From(patient));
        })
            .WithSummary("One patient's details.");

        desk.MapPut("/patients/{id:guid}", async (Guid id, PatientDetails r, PatientsDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var patient = await db.Patients.FindAsync([id], ct) ?? throw new NotFoundException("Patient", id);
            PatientDetailsRules.Apply(r, patient, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1));
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(PatientDto.From(patient));
        }).WithSummary("Change a patient's details.");
    }
}
