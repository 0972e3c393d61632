using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Contracts.Booking;

namespace Needling.Booking.Integration;

internal sealed class GetAppointmentHandler(BookingDbContext db) : IRequestHandler<GetAppointment, AppointmentInfo?>
{
    public Task<AppointmentInfo?> Handle(GetAppointment q, CancellationToken ct) =>
        db.Appointments.AsNoTracking()
            .Where(a => a.Id == q.AppointmentId)
            .Select(a => new AppointmentInfo(a.Id, a.PatientId, a.PractitionerId, a.DeviceId, a.TreatmentCode, a.Indication, a.StartUtc, a.EndUtc, a.Status))
            .SingleOrDefaultAsync(ct);
}
