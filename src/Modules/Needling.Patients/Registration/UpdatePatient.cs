using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.Patients.Data;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;

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
            .WithSummary("One patient's details; the ETag is what a change sends as If-Match.")
            .AnswersETag();

        desk.MapPut("/patients/{id:guid}", async (Guid id, PatientDetails r, HttpContext http, PatientsDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var patient = await db.Patients.FindAsync([id], ct) ?? throw new NotFoundException("Patient", id);
            http.EnsureMatches(db, patient, "patient");
            PatientDetailsRules.Apply(r, patient, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1));
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(PatientDto.From(patient));
        }).WithSummary("Change a patient's details (If-Match: the ETag read).")
            .RequiresIfMatch();
    }
}
