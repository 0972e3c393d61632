using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Consent.Data;
using Needling.Consent.Domain;
using Needling.Contracts.DataRights;

namespace Needling.Consent.DataRights;

/// <summary>
/// Erases Consent's data about a patient. Open requests are cancelled at once (a signing link sent but not used then
/// opens nothing), and Consent's note of upcoming appointments goes. Signed consents are part of the clinical record:
/// kept while a retention applies, deleted with every request when none does. Idempotent.
/// </summary>
internal sealed class EraseConsentDataHandler(ConsentDbContext db) : IRequestHandler<EraseConsentData, ModuleErasure>
{
    public async Task<ModuleErasure> Handle(EraseConsentData r, CancellationToken ct)
    {
        var upcoming = await db.Upcoming.Where(u => u.PatientId == r.PatientId).ExecuteDeleteAsync(ct);
        var requests = await db.Requests.Where(x => x.PatientId == r.PatientId).ToListAsync(ct);
        var signed = await db.Signed.Where(s => s.PatientId == r.PatientId).ToListAsync(ct);
        if (r.Retention is null)
        {
            db.Signed.RemoveRange(signed);
            db.Requests.RemoveRange(requests);
            await db.SaveChangesAsync(ct);
            return new ModuleErasure("consent",
                [
                    new ErasedPart("consent requests and unused signing links", requests.Count),
                    new ErasedPart("signed consents with their PDFs and signatures", signed.Count),
                    new ErasedPart("upcoming appointments noted for consent", upcoming),
                ], []);
        }

        var open = requests.Where(x => x.Status == ConsentRequestStatus.Open).ToList();
        foreach (var request in open)
        {
            request.Status = ConsentRequestStatus.Cancelled;
        }
        await db.SaveChangesAsync(ct);
        return new ModuleErasure("consent",
            [new ErasedPart("open consent requests and unused signing links (cancelled)", open.Count), new ErasedPart("upcoming appointments noted for consent", upcoming)],
            signed.Count == 0 ? [] : [new KeptPart("signed consents with their PDFs and signatures", signed.Count, r.Retention.Reason, r.Retention.KeepUntilUtc)]);
    }
}
