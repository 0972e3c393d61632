using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;

namespace Needling.Booking.Appointments;

internal static class GetAppointments
{
    internal sealed record EventDto(string Action, string? FromStatus, string ToStatus, DateTime AtUtc, string Actor, string? Detail);

    internal sealed record Search(DateTimeOffset From, DateTimeOffset To, Guid? PractitionerId = null, Guid? PatientId = null, Guid? RoomId = null);

    public static void Map(RouteGroupBuilder desk)
    {
        desk.MapGet("/appointments/{id:guid}", async (Guid id, BookingDbContext db, ReadAudit audit, CancellationToken ct) =>
        {
            var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Appointment", id);
            await audit.RecordAsync(db, appointment.PatientId, "Appointment", id, ct: ct);
            return TypedResults.Ok(AppointmentDto.From(appointment));
        })
            .WithSummary("One appointment; the ETag is what a reschedule, reassignment or cancellation sends as If-Match.")
            .AnswersETag();

        desk.MapGet("/appointments/{id:guid}/history", async (Guid id, BookingDbContext db, ReadAudit audit, CancellationToken ct) =>
        {
            var patientId = await db.Appointments.Where(a => a.Id == id).Select(a => (Guid?)a.PatientId).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("Appointment", id);
            var events = await db.AppointmentEvents.AsNoTracking().Where(e => e.AppointmentId == id).OrderBy(e => e.AtUtc)
                .Select(e => new EventDto(e.Action, e.FromStatus, e.ToStatus, e.AtUtc, e.Actor, e.Detail)).ToListAsync(ct);
            await audit.RecordAsync(db, patientId, "AppointmentHistory", id, ct: ct);
            return TypedResults.Ok(events);
        }).WithSummary("Every transition of an appointment: who, when, from what to what, and why.");

        desk.MapPost("/appointments/search", async (Search s, BookingDbContext db, ReadAudit audit, CancellationToken ct) =>
        {
            new Validator()
                .Require(s.From < s.To, "to", "must be after from.")
                .Require(s.To - s.From <= TimeSpan.FromDays(93), "to", "the range may be at most 93 days.")
                .ThrowIfInvalid();
            var from = s.From.UtcDateTime;
            var to = s.To.UtcDateTime;
            var query = db.Appointments.AsNoTracking().Where(a => a.StartUtc < to && a.EndUtc > from);
            if (s.PractitionerId is { } p)
            {
                query = query.Where(a => a.PractitionerId == p);
            }
            if (s.PatientId is { } patient)
            {
                query = query.Where(a => a.PatientId == patient);
            }
            if (s.RoomId is { } room)
            {
                query = query.Where(a => a.RoomId == room);
            }
            var found = await query.OrderBy(a => a.StartUtc).Take(2000).ToListAsync(ct);
            // Each appointment shows its patient's treatment and indication: every patient in the answer is read, one row
            // each naming their appointments. A search for one patient is a read of them even when nothing is found.
            await audit.RecordEachPatientAsync(db, s.PatientId is null ? "DiaryAppointments" : "PatientAppointments",
                found.Select(a => (a.PatientId, a.Id)), s.PatientId, ct);
            return TypedResults.Ok(found.Select(AppointmentDto.From).ToList());
        }).WithSummary("Appointments overlapping a time range, by practitioner, patient or room (criteria in the body).");
    }
}
