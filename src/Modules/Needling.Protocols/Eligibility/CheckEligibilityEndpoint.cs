using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.ClinicalRules;
using Needling.Contracts.Protocols;
using Needling.SharedKernel.Errors;

namespace Needling.Protocols.Eligibility;

/// <summary>POST /eligibility: the same question Booking and session recording ask, for staff to try a date first.</summary>
internal static class CheckEligibilityEndpoint
{
    internal sealed record Request(
        Guid PatientId, string TreatmentCode, string Indication, Guid PractitionerId, DateTimeOffset Start, IReadOnlyList<string>? TreatedAreas = null);

    public static void Map(RouteGroupBuilder desk) =>
        desk.MapPost("/eligibility", async (Request r, IMediator mediator, CancellationToken ct) =>
        {
            new Validator()
                .NotBlank(r.TreatmentCode, "treatmentCode", 32)
                .NotBlank(r.Indication, "indication", 64)
                .Require(r.TreatedAreas is null || r.TreatedAreas.Count <= 20, "treatedAreas", "at most 20 areas.")
                // The same codes a booking takes: an answer here must be the answer the booking will get.
                .Require(r.TreatedAreas is null || r.TreatedAreas.All(BodyAreaVocabulary.Default.Contains), "treatedAreas",
                    $"each must be a body-area code: {string.Join(", ", BodyAreaVocabulary.Default.All.Select(a => a.Code))}.")
                .ThrowIfInvalid();
            var result = await mediator.Send(new CheckEligibility(
                r.PatientId, r.TreatmentCode, r.Indication, r.PractitionerId, r.Start.UtcDateTime, r.TreatedAreas), ct);
            return TypedResults.Ok(result);
        }).WithSummary("May this patient have this treatment from this practitioner at this time? Allowed, AllowedWithWarnings or Refused, with every finding.");
}
