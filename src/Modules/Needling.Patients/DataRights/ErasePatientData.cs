using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Needling.Contracts.Booking;
using Needling.Contracts.DataRights;
using Needling.Contracts.Sessions;
using Needling.Patients.Data;
using Needling.Patients.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Errors;

namespace Needling.Patients.DataRights;

/// <summary>
/// The patient's right to erasure, within what clinical-record retention allows. Each module erases its own data
/// when asked through its contract; Patients records each answer as it comes (the erasure record is the progress),
/// so a failure part-way leaves an in-progress record, and asking again resumes it: every part is idempotent.
/// Messages still to be sent are stopped first; Patients' own part (the contact details) goes last.
/// </summary>
internal static class ErasePatientData
{
    internal sealed record ErasureRequest(string? Reason);

    internal sealed record ErasedItem(string Module, string What, int Count);

    internal sealed record KeptItem(string Module, string What, int Count, string Reason, DateTime KeptUntilUtc);

    internal sealed record ErasureDto(
        Guid Id, Guid PatientId, string Status, string Reason, DateTime RequestedAtUtc, DateTime? CompletedAtUtc, DateTime? KeptUntilUtc,
        IReadOnlyList<ErasedItem> Erased, IReadOnlyList<KeptItem> Kept)
    {
        public static ErasureDto From(ErasureRecord r)
        {
            var parts = JsonSerializer.Deserialize<List<ModuleErasure>>(r.PartsJson, JsonSerializerOptions.Web) ?? [];
            return new ErasureDto(r.Id, r.PatientId, r.Status, r.Reason, r.RequestedAtUtc, r.CompletedAtUtc, r.KeepUntilUtc,
                parts.SelectMany(p => p.Erased.Select(e => new ErasedItem(p.Module, e.What, e.Count))).ToList(),
                parts.SelectMany(p => p.Kept.Select(k => new KeptItem(p.Module, k.What, k.Count, k.Reason, k.KeptUntilUtc))).ToList());
        }
    }

    public static void Map(RouteGroupBuilder clinical)
    {
        clinical.MapPost("/patients/{id:guid}/erasure", async (Guid id, ErasureRequest r, PatientsDbContext db, IMediator mediator, ICurrentActor actor,
            TimeProvider clock, IOptions<RetentionOptions> options, CancellationToken ct) =>
        {
            new Validator().NotBlank(r.Reason, "reason", 500).ThrowIfInvalid();
            var record = await db.Erasures.Where(e => e.PatientId == id).OrderByDescending(e => e.RequestedAtUtc).FirstOrDefaultAsync(ct);
            var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == id, ct);
            if (patient is null)
            {
                // Erased completely before (never treated): the record of that is the answer.
                return TypedResults.Ok(ErasureDto.From(record ?? throw new NotFoundException("Patient", id)));
            }
            var now = clock.GetUtcNow().UtcDateTime;
            if (record is not { Status: ErasureStatus.InProgress })
            {
                record = new ErasureRecord
                {
                    PatientId = id, Reason = r.Reason!.Trim(), RequestedBy = actor.Id, RequestedAtUtc = now,
                    KeepUntilUtc = await KeepUntilAsync(mediator, id, options.Value.ClinicalRecordYears, now, ct),
                };
                db.Erasures.Add(record);
                db.Set<AuditRecord>().Add(new AuditRecord { AtUtc = now, Actor = actor.Id, Action = "erasure-requested", EntityType = "Patient", EntityId = id.ToString() });
                await db.SaveChangesAsync(ct);
            }
            var retention = record.KeepUntilUtc is { } until
                ? new ClinicalRetention(until, $"Clinical record: kept {options.Value.ClinicalRecordYears} years after the last treatment (Retention:ClinicalRecordYears)")
                : null;

            // A resumed erasure adds to what the failed attempt did: that attempt's counts are not lost.
            var parts = JsonSerializer.Deserialize<List<ModuleErasure>>(record.PartsJson, JsonSerializerOptions.Web) ?? [];
            async Task Done(ModuleErasure part)
            {
                if (parts.FirstOrDefault(p => p.Module == part.Module) is { } before)
                {
                    parts.Remove(before);
                    part = part with
                    {
                        Erased = before.Erased.Concat(part.Erased).GroupBy(e => e.What).Select(g => new ErasedPart(g.Key, g.Sum(e => e.Count))).ToList(),
                    };
                }
                parts.Add(part);
                record.PartsJson = JsonSerializer.Serialize(parts, JsonSerializerOptions.Web);
                await db.SaveChangesAsync(ct);
            }
            // Booking's appointment ids first: Sessions notes refused starts by appointment, and Booking may delete them.
            var appointments = (await mediator.Send(new GetPatientAppointments(id), ct)).Select(a => a.Id).ToList();
            await Done(await mediator.Send(new EraseAftercareData(id, retention), ct));
            await Done(await mediator.Send(new EraseConsentData(id, retention), ct));
            await Done(await mediator.Send(new EraseSessionsData(id, retention, appointments), ct));
            await Done(await mediator.Send(new EraseBookingData(id, retention), ct));
            parts.Add(await PatientErasure.EraseAsync(db, patient, retention, ct));
            record.PartsJson = JsonSerializer.Serialize(parts, JsonSerializerOptions.Web);
            record.Status = ErasureStatus.Completed;
            record.CompletedAtUtc = clock.GetUtcNow().UtcDateTime;
            db.Set<AuditRecord>().Add(new AuditRecord { AtUtc = record.CompletedAtUtc.Value, Actor = actor.Id, Action = "erased", EntityType = "Patient", EntityId = id.ToString() });
            // The patient's own part and the completion in one transaction: completed means every part is done.
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(ErasureDto.From(record));
        })
        .WithSummary("Erase a patient's data (the right to erasure): contact details, links, pending messages and notes go at once; clinical records are kept for Retention:ClinicalRecordYears after the last treatment, and the answer says what was kept, why and until when. Asking again completes an erasure that failed part-way.")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);

        clinical.MapGet("/patients/{id:guid}/erasure", async (Guid id, PatientsDbContext db, CancellationToken ct) =>
            TypedResults.Ok(ErasureDto.From(await db.Erasures.AsNoTracking().Where(e => e.PatientId == id).OrderByDescending(e => e.RequestedAtUtc).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("Erasure of patient", id))))
            .WithSummary("The latest erasure of a patient: how far it got, what was erased, and what is kept, why and until when.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The last treatment (a session started) plus the retention years; null when there was none or it has run out.</summary>
    private static async Task<DateTime?> KeepUntilAsync(IMediator mediator, Guid patientId, int years, DateTime now, CancellationToken ct)
    {
        var sessions = await mediator.Send(new GetPatientSessions(patientId), ct);
        if (sessions.Count == 0)
        {
            return null;
        }
        var until = sessions.Max(s => s.SignedAtUtc ?? s.StartedAtUtc).AddYears(years);
        return until > now ? until : null;
    }
}
