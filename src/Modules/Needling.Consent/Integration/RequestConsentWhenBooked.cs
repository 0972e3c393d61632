using MediatR;
using Needling.Consent.Data;
using Needling.Consent.Requests;
using Needling.Contracts.Booking;
using Needling.Contracts.Consent;

namespace Needling.Consent.Integration;

/// <summary>
/// A booking needs a consent by the time of the session: open a request unless a valid consent will
/// still hold then. Delivered at least once by Booking's outbox, so it must be (and is) idempotent.
/// </summary>
internal sealed class RequestConsentWhenBooked(ConsentDbContext db, IMediator mediator, TimeProvider clock) : INotificationHandler<AppointmentBooked>
{
    public async Task Handle(AppointmentBooked notification, CancellationToken cancellationToken)
    {
        var a = notification.Appointment;
        var status = await mediator.Send(new GetConsentStatus(a.PatientId, a.TreatmentCode, a.StartUtc), cancellationToken);
        if (status.Valid)
        {
            return;
        }
        await ConsentRequests.OpenAsync(db, a.PatientId, a.TreatmentCode, a.AppointmentId, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
