using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Needling.Booking.Data;
using Needling.Booking.Eligibility;
using Needling.ClinicalRules;
using Needling.Contracts.Clinic;
using Needling.Contracts.Protocols;
using Needling.SharedKernel.Errors;

namespace Needling.Booking.Availability;

/// <summary>POST /availability: free slots for a treatment (criteria in the body, never in the URL).</summary>
internal static class SearchAvailability
{
    public const int MaxDays = 62;

    /// <summary>With <c>PatientId</c> (and then <c>Indication</c>): only slots that patient may take under the rules.</summary>
    internal sealed record Request(
        string TreatmentCode, DateOnly From, DateOnly To, Guid? PractitionerId = null, string? Indication = null,
        Guid? PatientId = null, IReadOnlyList<string>? TreatedAreas = null);

    internal sealed record SlotDto(DateTimeOffset Start, DateTimeOffset End, Guid PractitionerId, Guid RoomId, Guid? DeviceId);

    internal sealed record Response(
        string TreatmentCode, int DurationMinutes, string TimeZoneId, IReadOnlyList<SlotDto> Slots, bool Truncated, string? Message);

    public static void Map(RouteGroupBuilder desk) =>
        desk.MapPost("/availability", Handle).WithSummary(
            "Free slots for a treatment between two local dates (inclusive, at most 62 days): a qualified practitioner, "
            + "a room and, if the treatment needs one, a device, all free for the whole treatment, on a 15-minute grid of "
            + "clinic time within opening hours and the practitioner's working time (a practitioner with no weekly pattern "
            + "works whenever the clinic is open). At most 1000 slots, earliest first; truncated says when there were more. "
            + "With patientId and indication (and optionally treatedAreas): only slots on days, and with practitioners, "
            + "that the eligibility rules allow that patient (the minimum interval from her sessions and bookings included).");

    private static async Task<Ok<Response>> Handle(
        Request r, BookingDbContext db, IMediator mediator, EligibilityQuestion question, TimeProvider clock, CancellationToken ct)
    {
        new Validator()
            .NotBlank(r.TreatmentCode, "treatmentCode", 32)
            .Require(r.From <= r.To, "to", "must not be before from.")
            .Require(r.To.DayNumber - r.From.DayNumber < MaxDays, "to", $"a search spans at most {MaxDays} days.")
            .MaxLength(r.Indication, "indication", 64)
            .Require(r.PatientId is null || !string.IsNullOrWhiteSpace(r.Indication), "indication",
                "is needed with patientId: the rules a patient must meet depend on it.")
            .Require(r.TreatedAreas is null || r.TreatedAreas.Count <= 20, "treatedAreas", "at most 20 areas.")
            .Require(r.TreatedAreas is null || r.TreatedAreas.All(BodyAreaVocabulary.Default.Contains), "treatedAreas",
                $"each must be a body-area code: {string.Join(", ", BodyAreaVocabulary.Default.All.Select(a => a.Code))}.")
            .ThrowIfInvalid();
        var treatment = await mediator.Send(new GetTreatment(r.TreatmentCode), ct) ?? throw new NotFoundException("Treatment", r.TreatmentCode);
        if (!treatment.Active)
        {
            throw new RuleViolationException("availability.treatment-inactive", $"The clinic no longer offers {treatment.Code}.");
        }
        var facts = new ClinicFacts(
            treatment,
            await mediator.Send(new GetClinicCalendar(), ct),
            await mediator.Send(new GetResources(), ct),
            await mediator.Send(new GetTreatmentRequirements(treatment.Code), ct));
        var criteria = new AvailabilityCriteria(treatment.Code, r.From, r.To, r.PractitionerId, r.Indication);
        var now = clock.GetUtcNow().UtcDateTime;
        var patientMay = r.PatientId is { } patientId
            ? await PatientDays.ForAsync(question, patientId, treatment, r.Indication!, r.TreatedAreas, r.From, r.To, now, ct)
            : null;
        var outcome = await AvailabilityLoader.FindAsync(db, facts, criteria, now, ct, patientMay);
        var clinic = outcome.Clinic;
        return TypedResults.Ok(new Response(
            treatment.Code, treatment.DurationMinutes, facts.Calendar.TimeZoneId,
            outcome.Result.Slots.Select(s => new SlotDto(clinic.ToLocal(s.StartUtc), clinic.ToLocal(s.EndUtc), s.PractitionerId, s.RoomId, s.DeviceId)).ToList(),
            outcome.Result.Truncated, outcome.Message));
    }
}
