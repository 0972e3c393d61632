using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.Fhir.Gathering;
using Needling.Fhir.Http;
using Needling.Fhir.Mapping;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;
using Needling.SharedKernel.Security;

namespace Needling.Fhir.Search;

/// <summary>
/// GET /fhir/{type}?patient={id}: one kind of resource for one patient, as a searchset Bundle. The patient search
/// parameter is the only one supported; it takes the id alone or as "Patient/{id}". An unknown patient is a 404.
/// </summary>
internal static class SearchByPatient
{
    public static void Map(RouteGroupBuilder desk, RouteGroupBuilder practitioner)
    {
        Search(desk, "Appointment", Parts.Appointments, (r, _) => AppointmentMap.From(r));
        Search(desk, "Consent", Parts.Consents, (r, address) => ConsentMap.From(r, address));
        Search(desk, "DocumentReference", Parts.Consents | Parts.Sheets, (r, address) => DocumentReferenceMap.From(r, address));
        // Booking warnings for everyone who books; the findings overridden in sessions only for practitioners.
        Search(desk, "DetectedIssue", Parts.Appointments | Parts.Sessions, (r, _) => DetectedIssueMap.From(r));
        Search(practitioner, "Procedure", Parts.Sessions, (r, _) => ProcedureMap.From(r));
    }

    private static void Search(RouteGroupBuilder group, string type, Parts parts, Func<PatientRecord, PublicAddress, IEnumerable<Resource>> map) =>
        group.MapGet($"/fhir/{type}", async (string? patient, HttpContext http, RecordGatherer gatherer, PublicAddress address, TimeProvider clock, CancellationToken ct) =>
        {
            var id = PatientId(patient);
            var allowed = http.User.IsInRole(Roles.Practitioner) ? parts : parts & ~Parts.Sessions;
            var record = await gatherer.GatherAsync(id, allowed, $"Fhir{type}", ct);
            return FhirResults.Of(Searchset.Of(map(record, address), [], http.Request.Path + http.Request.QueryString, address, clock.GetUtcNow()));
        }).WithSummary($"One patient's {type} resources as a FHIR R4 searchset Bundle (?patient={{id}}).");

    private static Guid PatientId(string? patient)
    {
        var value = patient?.StartsWith("Patient/", StringComparison.Ordinal) == true ? patient["Patient/".Length..] : patient;
        Guid id = default;
        new Validator()
            .Require(!string.IsNullOrEmpty(value), "patient", "is required: the patient's id, or Patient/{id}.")
            .Require(string.IsNullOrEmpty(value) || Guid.TryParse(value, out id), "patient", "must be a patient id (a GUID), or Patient/{id}.")
            .ThrowIfInvalid();
        return id;
    }
}
