using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.Fhir.Gathering;
using Needling.Fhir.Http;
using Needling.Fhir.Mapping;

namespace Needling.Fhir.ReadPatient;

internal static class ReadPatient
{
    public static void Map(RouteGroupBuilder desk) =>
        desk.MapGet("/fhir/Patient/{id:guid}", async (Guid id, RecordGatherer gatherer, CancellationToken ct) =>
            FhirResults.Of(PatientMap.From((await gatherer.GatherAsync(id, Parts.None, "FhirPatient", ct)).Patient)))
            .WithSummary("The patient as a FHIR R4 Patient (application/fhir+json).");
}
