using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Needling.Booking.Appointments;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Contracts.Booking;
using Needling.Contracts.Sessions;
using Needling.SharedKernel.Outbox;

namespace Needling.Booking.Integration;

/// <summary>
/// A signed session completes its appointment (FHIR fulfilled): completion means the record was signed.
/// Delivered at least once by Sessions' outbox; the inbox makes a second delivery do nothing (and so would the status).
/// </summary>
internal sealed class CompleteWhenSessionSigned(BookingDbContext db, AppointmentWriter writer, TimeProvider clock, ILogger<CompleteWhenSessionSigned> log)
    : InboxConsumer<BookingDbContext, SessionSigned>(db, clock)
{
    protected override async Task HandleOnceAsync(SessionSigned e, CancellationToken ct)
    {
        var appointment = await Db.Appointments.SingleOrDefaultAsync(a => a.Id == e.AppointmentId, ct);
        if (appointment is null || appointment.Status == AppointmentStatus.Fulfilled)
        {
            return;
        }
        if (appointment.Status != AppointmentStatus.Arrived)
        {
            // Cancelled after the session was signed: the clinical record stands; the booking is not rewritten.
            log.LogWarning("Appointment {AppointmentId} is {Status}; its signed session {SessionId} does not complete it.", appointment.Id, appointment.Status, e.SessionId);
            return;
        }
        var from = appointment.Status;
        appointment.Status = AppointmentStatus.Fulfilled;
        appointment.UpdatedAtUtc = e.SignedAtUtc;
        appointment.Sequence++;
        writer.Record(appointment, "completed", from, $"session {e.SessionId} signed", e.SignedAtUtc);
        Db.Enqueue(new AppointmentCompleted(AppointmentWriter.Snapshot(appointment), e.SignedAtUtc), e.SignedAtUtc);
        await writer.SaveAsync(ct);
    }
}
