using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Appointments;
using Needling.Booking.Data;
using Needling.Contracts.Booking;

namespace Needling.Booking.Integration;

internal sealed class GetPatientAppointmentsHandler(BookingDbContext db) : IRequestHandler<GetPatientAppointments, IReadOnlyList<PatientAppointment>>
{
    public async Task<IReadOnlyList<PatientAppointment>> Handle(GetPatientAppointments q, CancellationToken ct)
    {
        var rows = await db.Appointments.AsNoTracking().Where(a => a.PatientId == q.PatientId).OrderBy(a => a.StartUtc).ToListAsync(ct);
        // The same reading of the stored warnings as GET /appointments/{id}, so both show the same.
        return rows.Select(AppointmentDto.From).Zip(rows, (dto, a) => new PatientAppointment(
            dto.Id, dto.PractitionerId, dto.RoomId, dto.DeviceId, dto.TreatmentCode, dto.Indication, dto.StartUtc, dto.EndUtc, dto.Status,
            dto.CancelReason, a.CreatedAtUtc, dto.Warnings.Select(w => new BookingWarning(w.RuleId, w.RuleVersion, w.Message, w.Source)).ToList())).ToList();
    }
}
