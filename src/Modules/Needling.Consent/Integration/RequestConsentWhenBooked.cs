using MediatR;
using Needling.Consent.Data;
using Needling.Consent.Requests;
using Needling.Contracts.Booking;
using Needling.Contracts.Consent;
using Needling.Contracts.Patients;
using Needling.SharedKernel.Outbox;

namespace Needling.Consent.Integration;

/// <summary>
/// A booking needs a consent by the time of the session: open a request unless a valid consent will
/// still hold then. Delivered at least once by Booking's outbox; the inbox makes a second delivery do nothing.
/// </summary>
internal sealed class RequestConsentWhenBooked(ConsentDbContext db, IMediator mediator, TimeProvider clock)
    : InboxConsumer<ConsentDbContext, AppointmentBooked>(db, clock)
{
    protected override async Task HandleOnceAsync(AppointmentBooked notification, CancellationToken ct)
    {
        var a = notification.Appointment;
        await ConsentRequests.LockPatientAsync(Db, a.PatientId, ct);
        // Booked before an erasure that has run since: no appointment note and no request to sign for them.
        if (await mediator.Send(new IsPatientErased(a.PatientId, OccurredAtUtc), ct))
        {
            return;
        }
        await UpcomingAppointments.NoteAsync(Db, a, ct);
        var status = await mediator.Send(new GetConsentStatus(a.PatientId, a.TreatmentCode, a.StartUtc), ct);
        if (status.Valid)
        {
            return;
        }
        await ConsentRequests.OpenAsync(Db, a.PatientId, a.TreatmentCode, a.AppointmentId, Clock.GetUtcNow().UtcDateTime, ct);
    }
}
