using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Aftercare.Data;
using Needling.Aftercare.Domain;
using Needling.Contracts.DataRights;

namespace Needling.Aftercare.DataRights;

/// <summary>
/// Erases Aftercare's data about a patient. Every message not yet sent is cancelled first (the sender only takes
/// pending rows, and reads the address at sending time, which erasure removes too), and follow-ups not yet answered
/// go. Sheets sent and complication reports are clinical record: kept while a retention applies. Idempotent.
/// </summary>
internal sealed class EraseAftercareDataHandler(AftercareDbContext db) : IRequestHandler<EraseAftercareData, ModuleErasure>
{
    private static readonly string[] Unsent = [DeliveryStatus.Pending, DeliveryStatus.Sending, DeliveryStatus.NoAddress];

    public async Task<ModuleErasure> Handle(EraseAftercareData r, CancellationToken ct)
    {
        var unsent = await db.Deliveries.Where(d => d.PatientId == r.PatientId && Unsent.Contains(d.Status)).ToListAsync(ct);
        foreach (var d in unsent)
        {
            d.Status = DeliveryStatus.Cancelled;
            d.ClaimedUntilUtc = null;
        }
        var followUps = await db.FollowUps.Where(f => f.PatientId == r.PatientId).ToListAsync(ct);
        var unanswered = followUps.Where(f => f.AnsweredAtUtc is null).ToList();
        db.FollowUps.RemoveRange(unanswered);
        if (r.Retention is null)
        {
            var sheets = await db.Sheets.Where(s => s.PatientId == r.PatientId).ToListAsync(ct);
            var deliveries = await db.Deliveries.Where(d => d.PatientId == r.PatientId).ToListAsync(ct);
            db.Sheets.RemoveRange(sheets);
            db.Deliveries.RemoveRange(deliveries);
            db.FollowUps.RemoveRange(followUps.Except(unanswered));
            await db.SaveChangesAsync(ct);
            return new ModuleErasure("aftercare",
                [
                    new ErasedPart("messages to the patient (sent and pending)", deliveries.Count),
                    new ErasedPart("aftercare sheets with their PDFs", sheets.Count),
                    new ErasedPart("follow-ups and complication reports with their photos", followUps.Count),
                ], []);
        }
        await db.SaveChangesAsync(ct);
        var keptSheets = await db.Sheets.CountAsync(s => s.PatientId == r.PatientId, ct);
        var answered = followUps.Count - unanswered.Count;
        var kept = new List<KeptPart>();
        if (keptSheets > 0)
        {
            kept.Add(new KeptPart("aftercare sheets given, with their PDFs", keptSheets, r.Retention.Reason, r.Retention.KeepUntilUtc));
        }
        if (answered > 0)
        {
            kept.Add(new KeptPart("follow-up answers and complication reports, with their photos", answered, r.Retention.Reason, r.Retention.KeepUntilUtc));
        }
        return new ModuleErasure("aftercare",
            [new ErasedPart("messages not yet sent (reminders, follow-ups, links: cancelled)", unsent.Count), new ErasedPart("follow-ups not yet answered", unanswered.Count)], kept);
    }
}
