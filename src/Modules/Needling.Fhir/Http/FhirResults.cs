using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Http;

namespace Needling.Fhir.Http;

/// <summary>Resources written by the SDK's own serializer, as application/fhir+json (errors stay problem+json, like the rest of the API).</summary>
internal static class FhirResults
{
    public const string ContentType = "application/fhir+json";

    // Stateless once built, and building it inspects the whole model: one for the process.
    private static readonly FhirJsonSerializer Serializer = new();

    public static IResult Of(Resource resource) =>
        Results.Bytes(Serializer.SerializeToBytes(resource), $"{ContentType}; charset=utf-8");
}
