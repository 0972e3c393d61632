using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Contracts.Booking;
using Needling.Contracts.DataRights;
using Needling.Patients.Data;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.DataRights;
using Needling.SharedKernel.Errors;

namespace Needling.Patients.DataRights;

/// <summary>
/// Everything held about one patient, as one ZIP: Patients asks each module that holds a part through its own
/// contract (none of them asks Patients back), then streams the archive. Sessions and complication reports are in it,
/// so it is for practitioners, as those are. The export itself is audited.
/// </summary>
internal static class ExportPatientData
{
    public static void Map(RouteGroupBuilder clinical) =>
        clinical.MapGet("/patients/{id:guid}/export", async (Guid id, PatientsDbContext db, IMediator mediator, ICurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // Gathered in full before the first byte is sent: a failure is then a problem answer, never half an archive.
            var own = await OwnPartAsync(db, id, ct) ?? throw new NotFoundException("Patient", id);
            var appointments = (await mediator.Send(new GetPatientAppointments(id), ct)).Select(a => a.Id).ToList();
            ModuleExport[] parts =
            [
                own,
                await mediator.Send(new ExportBookingData(id), ct),
                await mediator.Send(new ExportConsentData(id), ct),
                await mediator.Send(new ExportSessionsData(id, appointments), ct),
                await mediator.Send(new ExportAftercareData(id), ct),
            ];
            db.Set<AuditRecord>().Add(new AuditRecord { AtUtc = now, Actor = actor.Id, Action = "exported", EntityType = "Patient", EntityId = id.ToString() });
            await db.SaveChangesAsync(ct);
            return Results.Stream(stream => ExportArchive.WriteAsync(stream, id, now, parts, ct), "application/zip", $"patient-{id}.zip");
        })
        .WithSummary("Everything held about one patient (the patient's right of access): a ZIP of JSON per module, the stored PDFs and photos, and manifest.json with each file's SHA-256.")
        .Produces<byte[]>(StatusCodes.Status200OK, "application/zip")
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<ModuleExport?> OwnPartAsync(PatientsDbContext db, Guid id, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null)
        {
            return null;
        }
        var screening = await db.ScreeningEntries.AsNoTracking().Where(s => s.PatientId == id).OrderBy(s => s.RecordedAtUtc).ToListAsync(ct);
        var answers = await db.ScreeningAnswers.AsNoTracking().Where(a => a.PatientId == id).OrderBy(a => a.AnsweredAtUtc).ToListAsync(ct);
        var confirmations = await db.ScreeningConfirmations.AsNoTracking().Where(c => c.PatientId == id).OrderBy(c => c.ConfirmedAtUtc).ToListAsync(ct);
        var erasures = await db.Erasures.AsNoTracking().Where(e => e.PatientId == id).OrderBy(e => e.RequestedAtUtc).ToListAsync(ct);
        var audit = await ExportJson.AuditRowsAsync(db,
            [id, .. screening.Select(s => s.Id), .. answers.Select(a => a.Id), .. confirmations.Select(c => c.Id), .. erasures.Select(e => e.Id)], ct);
        var json = ExportJson.Serialize(new
        {
            patient = new { patient.Id, patient.GivenName, patient.FamilyName, patient.DateOfBirth, patient.PreferredLanguage, patient.Phone, patient.Email, patient.RegisteredAtUtc },
            screening = new { entries = screening, answers, confirmations },
            erasures, audit,
        });
        return new ModuleExport("patients", json, []);
    }
}
