using MediatR;
using Needling.Aftercare.Data;
using Needling.Aftercare.Domain;
using Needling.Aftercare.Mail;
using Needling.Contracts.Consent;
using Needling.Contracts.Patients;
using Needling.SharedKernel.Outbox;

namespace Needling.Aftercare.ConsentLinks;

/// <summary>
/// A consent request opened for a patient with an e-mail address: send them the signing link, the same way as every
/// other message (a delivery row, claimed and sent once). The link itself is made when the message is sent.
/// </summary>
internal sealed class EmailConsentLink(AftercareDbContext db, IMediator mediator, DeliveryQueue queue, TimeProvider clock)
    : InboxConsumer<AftercareDbContext, ConsentRequested>(db, clock)
{
    protected override async Task HandleOnceAsync(ConsentRequested e, CancellationToken ct)
    {
        var patient = await mediator.Send(new GetPatientSummary(e.PatientId), ct);
        var now = Clock.GetUtcNow().UtcDateTime;
        queue.Add(DeliveryKind.ConsentLink, e.RequestId, e.PatientId, now, !string.IsNullOrWhiteSpace(patient?.Email), now);
        await Db.SaveChangesAsync(ct);
    }

    // After the commit, not before: woken earlier, the sender would not see the message and wait for its next poll.
    protected override void AfterCommit() => queue.Notify();
}
