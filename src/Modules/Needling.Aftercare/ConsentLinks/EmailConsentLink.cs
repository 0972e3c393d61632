using MediatR;
using Microsoft.Extensions.Options;
using Needling.Aftercare.Data;
using Needling.Aftercare.Domain;
using Needling.Aftercare.Mail;
using Needling.Contracts.Consent;
using Needling.Contracts.Patients;
using Needling.SharedKernel.Outbox;

namespace Needling.Aftercare.ConsentLinks;

/// <summary>
/// A consent request opened for a patient with an e-mail address: send them the signing link, the same way as every
/// other message (a delivery row, claimed and sent once), a few minutes later (<see cref="MailOptions.ConsentLinkDelayMinutes"/>).
/// The link itself is made when the message is sent, and none is sent for a request signed in the meantime.
/// </summary>
internal sealed class EmailConsentLink(AftercareDbContext db, IMediator mediator, DeliveryQueue queue, IOptions<MailOptions> options, TimeProvider clock)
    : InboxConsumer<AftercareDbContext, ConsentRequested>(db, clock)
{
    protected override async Task HandleOnceAsync(ConsentRequested e, CancellationToken ct)
    {
        // Requested before an erasure that has run since: the link must not reach an address the patient had erased.
        if (await mediator.Send(new IsPatientErased(e.PatientId, OccurredAtUtc), ct))
        {
            return;
        }
        var patient = await mediator.Send(new GetPatientSummary(e.PatientId), ct);
        var now = Clock.GetUtcNow().UtcDateTime;
        var due = now.AddMinutes(options.Value.ConsentLinkDelayMinutes);
        queue.Add(DeliveryKind.ConsentLink, e.RequestId, e.PatientId, due, !string.IsNullOrWhiteSpace(patient?.Email), now);
        await Db.SaveChangesAsync(ct);
    }
}
