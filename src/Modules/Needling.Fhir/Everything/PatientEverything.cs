using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.Fhir.Gathering;
using Needling.Fhir.Http;
using Needling.Fhir.Mapping;
using Needling.SharedKernel.Hosting;
using Needling.SharedKernel.Security;

namespace Needling.Fhir.Everything;

/// <summary>
/// Patient/$everything: the whole record one caller may read, as one searchset Bundle. Sessions are clinical notes,
/// which a receptionist may not read anywhere else either: for them the bundle has no Procedure and none of the
/// findings overridden in sessions (the warnings an appointment was booked with stay: they see those when booking).
/// </summary>
internal static class PatientEverything
{
    public static void Map(RouteGroupBuilder desk) =>
        desk.MapGet("/fhir/Patient/{id:guid}/$everything", async (Guid id, HttpContext http, RecordGatherer gatherer, PublicAddress address, TimeProvider clock, CancellationToken ct) =>
        {
            var clinical = http.User.IsInRole(Roles.Practitioner);
            var record = await gatherer.GatherAsync(id, clinical ? Parts.All : Parts.All & ~Parts.Sessions, "FhirPatientEverything", ct);
            IEnumerable<Resource> resources =
            [
                PatientMap.From(record.Patient),
                .. AppointmentMap.From(record),
                .. ConsentMap.From(record, address),
                .. ProcedureMap.From(record),
                .. DetectedIssueMap.From(record),
                .. DocumentReferenceMap.From(record, address),
            ];
            var practitioners = record.Practitioners.Values.Select(PractitionerMap.From);
            return FhirResults.Of(Searchset.Of(resources, practitioners, http.Request.Path + http.Request.QueryString, address, clock.GetUtcNow()));
        }).WithSummary("Everything about one patient the caller may read, as a FHIR R4 searchset Bundle (sessions and their overrides for practitioners only).");
}
