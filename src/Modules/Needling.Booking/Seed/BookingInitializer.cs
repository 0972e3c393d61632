using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Contracts.Clinic;
using Needling.Contracts.Demo;
using Needling.SharedKernel.Modules;

namespace Needling.Booking.Seed;

/// <summary>
/// Appointments are made by people; the demo clinic alone starts with one past visit (Emma Clarke with Dr Aiko
/// Tanaka, three weeks ago, completed), so that a new user sees a session history.
/// </summary>
internal sealed class BookingInitializer(BookingDbContext db, IMediator mediator, TimeProvider clock) : ModuleInitializer<BookingDbContext>(db)
{
    public override int Order => 20;

    public override async Task SeedAsync(bool demo, CancellationToken ct)
    {
        if (!demo || await Db.Appointments.AnyAsync(a => a.Id == DemoRecords.EmmaVisit, ct))
        {
            return;
        }
        var clinic = await mediator.Send(new GetClinicProfile(), ct);
        var start = DemoRecords.EmmaVisitStartUtc(clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById(clinic.TimeZoneId));
        var visit = new Appointment
        {
            Id = DemoRecords.EmmaVisit, PatientId = DemoRecords.PatientEmma, PractitionerId = DemoRecords.DrTanaka, RoomId = DemoRecords.Room1,
            DeviceId = DemoRecords.Dermapen, TreatmentCode = "MN-PEN", Indication = "hyperpigmentation", StartUtc = start, EndUtc = start.AddHours(1),
            Status = AppointmentStatus.Fulfilled, PatientInitials = "E. C.", EligibilityOutcome = "AllowedWithWarnings", RuleSetVersion = 1,
            Sequence = 2, CreatedAtUtc = start.AddDays(-7), UpdatedAtUtc = start.AddHours(1),
        };
        Db.Appointments.Add(visit);
        Db.AppointmentEvents.AddRange(
            Event("booked", null, AppointmentStatus.Booked, start.AddDays(-7), "rule set 1: AllowedWithWarnings"),
            Event("checked-in", AppointmentStatus.Booked, AppointmentStatus.Arrived, start.AddMinutes(-10), null),
            Event("completed", AppointmentStatus.Arrived, AppointmentStatus.Fulfilled, start.AddHours(1), "session signed"));
        await Db.SaveChangesAsync(ct);
    }

    private static AppointmentEvent Event(string action, string? from, string to, DateTime at, string? detail) => new()
    {
        AppointmentId = DemoRecords.EmmaVisit, Action = action, FromStatus = from, ToStatus = to, AtUtc = at, Actor = "demo", Detail = detail,
    };
}
