using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.ClinicalRules;
using Needling.Contracts.Clinic;
using Needling.SharedKernel.Errors;

namespace Needling.Booking.Eligibility;

/// <summary>
/// POST /eligibility: the question a booking asks, for staff to try a date first. It lives in Booking because
/// Booking holds the appointments the interval counts from; the facts are gathered as a booking gathers them.
/// </summary>
internal static class CheckEligibilityEndpoint
{
    internal sealed record Request(
        Guid PatientId, string TreatmentCode, string Indication, Guid PractitionerId, DateTimeOffset Start, IReadOnlyList<string>? TreatedAreas = null);

    public static void Map(RouteGroupBuilder desk) =>
        desk.MapPost("/eligibility", async (Request r, IMediator mediator, EligibilityQuestion question, CancellationToken ct) =>
        {
            new Validator()
                .NotBlank(r.TreatmentCode, "treatmentCode", 32)
                .NotBlank(r.Indication, "indication", 64)
                .Require(r.TreatedAreas is null || r.TreatedAreas.Count <= 20, "treatedAreas", "at most 20 areas.")
                // The same codes a booking takes: an answer here must be the answer the booking will get.
                .Require(r.TreatedAreas is null || r.TreatedAreas.All(BodyAreaVocabulary.Default.Contains), "treatedAreas",
                    $"each must be a body-area code: {string.Join(", ", BodyAreaVocabulary.Default.All.Select(a => a.Code))}.")
                .ThrowIfInvalid();
            var practitioner = await mediator.Send(new GetPractitioner(r.PractitionerId), ct) ?? throw new NotFoundException("Practitioner", r.PractitionerId);
            var treatment = await mediator.Send(new GetTreatment(r.TreatmentCode), ct) ?? throw new NotFoundException("Treatment", r.TreatmentCode);
            var result = await question.AskAsync(new EligibilityQuestion.Asked(
                r.PatientId, practitioner, treatment, r.Indication, r.Start.UtcDateTime, r.TreatedAreas, Guid.Empty), ct);
            return TypedResults.Ok(result);
        }).WithTags("Eligibility").WithSummary("May this patient have this treatment from this practitioner at this time? Allowed, AllowedWithWarnings or Refused, with every finding.");
}
