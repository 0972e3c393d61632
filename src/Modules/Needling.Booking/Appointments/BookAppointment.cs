using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Booking.Schedules;
using Needling.ClinicalRules;
using Needling.Contracts.Booking;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;
using Needling.SharedKernel.Outbox;

namespace Needling.Booking.Appointments;

/// <summary>
/// POST /appointments. Refused by a rule → 422 listing every refusing rule; with warnings → booked, and the
/// warnings are stored and returned; overlapping → 409 naming the practitioner, room, device or patient.
/// </summary>
internal static class BookAppointment
{
    internal sealed record Request(
        Guid PatientId, Guid PractitionerId, Guid RoomId, string TreatmentCode, string Indication, DateTimeOffset Start,
        Guid? DeviceId = null, IReadOnlyList<string>? TreatedAreas = null);

    public static void Map(RouteGroupBuilder desk) =>
        desk.MapPost("/appointments", Handle)
            .WithSummary("Book an appointment. Send an Idempotency-Key header so that a retry cannot book twice.")
            .HonoursIdempotencyKey()
            .Produces<BookingResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> Handle(
        Request r, HttpContext http, BookingDbContext db, BookingChecks checks, AppointmentWriter writer, Idempotency idempotency,
        PatientLock patientLock, ScheduleReader schedules, TimeProvider clock, CancellationToken ct)
    {
        new Validator()
            .NotBlank(r.TreatmentCode, "treatmentCode", 32)
            .NotBlank(r.Indication, "indication", 64)
            .Require(r.TreatedAreas is null || r.TreatedAreas.Count <= 20, "treatedAreas", "at most 20 areas.")
            // Codes of the body-area vocabulary, so that a finding on "face" is known to concern "cheeks".
            .Require(r.TreatedAreas is null || r.TreatedAreas.All(BodyAreaVocabulary.Default.Contains), "treatedAreas",
                $"each must be a body-area code: {string.Join(", ", BodyAreaVocabulary.Default.All.Select(a => a.Code))}.")
            .ThrowIfInvalid();
        var key = Idempotency.Read(http, "book", r);
        try
        {
            return await BookAsync(r, db, checks, writer, idempotency, key, patientLock, schedules, clock, ct);
        }
        catch (Exception ex) when (key is not null && (ex is NeedlingException || ex is DbUpdateException u && u.IsUniqueViolation()))
        {
            // The stored answer is looked for only when the booking is refused, not before every booking: a
            // retry of a booking that was made is refused (its own slot is taken, or its own session is too
            // close), or, when it was cancelled since, trips the key's unique index on insert. Either way it
            // lands here and gets the first answer. A new key costs no extra query (docs/benchmarks.md).
            db.ChangeTracker.Clear();
            if (await idempotency.ReplayAsync(key, ct) is { } first)
            {
                return first;
            }
            throw;
        }
    }

    private static async Task<IResult> BookAsync(
        Request r, BookingDbContext db, BookingChecks checks, AppointmentWriter writer, Idempotency idempotency, Idempotency.Key? key,
        PatientLock patientLock, ScheduleReader schedules, TimeProvider clock, CancellationToken ct)
    {
        var resolved = await checks.ResolveAsync(r.PatientId, r.PractitionerId, r.RoomId, r.DeviceId, r.TreatmentCode, ct);
        var (treatment, patient) = (resolved.Treatment, resolved.Patient);
        var now = clock.GetUtcNow().UtcDateTime;
        var start = r.Start.UtcDateTime;
        checks.EnsureNotInPast(start);
        var appointment = new Appointment
        {
            PatientId = r.PatientId,
            PractitionerId = r.PractitionerId,
            RoomId = r.RoomId,
            DeviceId = r.DeviceId,
            TreatmentCode = treatment.Code,
            Indication = r.Indication,
            StartUtc = start,
            EndUtc = start.AddMinutes(treatment.DurationMinutes),
            PatientInitials = patient.Initials,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        // Within clinic opening hours and the practitioner's working time, not on a closure or leave (422 naming which).
        (await schedules.CheckNewStartAsync(appointment.PractitionerId, appointment.StartUtc, appointment.EndUtc, ct)).ThrowIfRefused();
        return await patientLock.RunAsync(db, appointment.PatientId, async t =>
        {
            await ClashCheck.EnsureFreeBeforeWriteAsync(db, appointment, t);
            var eligibility = await checks.EligibilityAsync(db, appointment, resolved, r.TreatedAreas, t);
            AppointmentWriter.ApplyEligibility(appointment, eligibility);
            db.Appointments.Add(appointment);
            writer.Record(appointment, "booked", null, $"rule set {eligibility.RuleSetVersion}: {eligibility.Outcome}", now);
            db.Enqueue(new AppointmentBooked(AppointmentWriter.Snapshot(appointment)), now);
            var dto = AppointmentDto.From(appointment);
            var location = $"/appointments/{appointment.Id}";
            var json = idempotency.Remember(key, StatusCodes.Status201Created, new BookingResponse(dto, dto.Warnings), location, now);
            await writer.SaveAsync(t);
            return Idempotency.Json(StatusCodes.Status201Created, json, location);
        }, ct);
    }
}
