using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Contracts.DataRights;
using Needling.SharedKernel.DataRights;

namespace Needling.Booking.DataRights;

/// <summary>Booking's part of a patient's export: every appointment (cancelled and missed ones too), each step of its history, and how calendars show it.</summary>
internal sealed class ExportBookingDataHandler(BookingDbContext db) : IRequestHandler<ExportBookingData, ModuleExport>
{
    public async Task<ModuleExport> Handle(ExportBookingData q, CancellationToken ct)
    {
        var appointments = await db.Appointments.AsNoTracking().Where(a => a.PatientId == q.PatientId).OrderBy(a => a.StartUtc).ToListAsync(ct);
        var ids = appointments.Select(a => a.Id).ToList();
        var history = await db.AppointmentEvents.AsNoTracking().Where(e => ids.Contains(e.AppointmentId)).OrderBy(e => e.AtUtc).ToListAsync(ct);
        // Practitioners' calendar feeds show these appointments under the patient's initials, never the name.
        var calendarEntries = appointments.Select(a => new { AppointmentId = a.Id, a.PractitionerId, a.StartUtc, a.EndUtc, a.Status, ShownAs = a.PatientInitials, a.Sequence });
        var audit = await ExportJson.AuditRowsAsync(db, ids, ct);
        return new ModuleExport("booking", ExportJson.Serialize(new { appointments, history, calendarEntries, audit }), []);
    }
}
