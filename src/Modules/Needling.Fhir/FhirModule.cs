using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Needling.Fhir.Everything;
using Needling.Fhir.Gathering;
using Needling.Fhir.Search;
using Needling.SharedKernel.Hosting;
using Needling.SharedKernel.Security;

namespace Needling.Fhir;

/// <summary>
/// A patient's record as FHIR R4 resources, read-only. Owns no tables: it asks the modules that own each part through
/// their contracts. Health data: receptionists and practitioners, as for the rest of a patient's record; never Admin.
/// </summary>
public static class FhirModule
{
    public static IServiceCollection AddFhirModule(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        // Full URLs and document addresses are absolute, on the service's public address (Mail:PublicBaseUrl).
        services.TryAddSingleton<PublicAddress>();
        return services.AddScoped<RecordGatherer>();
    }

    public static IEndpointRouteBuilder MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        var desk = app.MapGroup("").WithTags("FHIR").RequireAuthorization(p => p.RequireRole(Roles.Receptionist, Roles.Practitioner));
        var practitioner = app.MapGroup("").WithTags("FHIR").RequireAuthorization(p => p.RequireRole(Roles.Practitioner));
        ReadPatient.ReadPatient.Map(desk);
        PatientEverything.Map(desk);
        SearchByPatient.Map(desk, practitioner);
        return app;
    }
}
