using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Needling.Patients.Data;
using Needling.Patients.DataRights;
using Needling.Patients.Domain;
using Needling.Patients.Integration;
using Needling.Patients.Registration;
using Needling.Patients.Screening;
using Needling.Patients.Seed;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Security;

namespace Needling.Patients;

/// <summary>Patients and their medical screening. Health data: receptionists and practitioners only, never Admin.</summary>
public static class PatientsModule
{
    public static IServiceCollection AddPatientsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScreeningOptions>().Bind(configuration.GetSection(ScreeningOptions.Section))
            .Validate(o => o.ReviewDays > 0, "Screening:ReviewDays must be a positive number of days.")
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(o => o.ClinicalRecordYears is > 0 and <= 100, "Retention:ClinicalRecordYears must be a number of years between 1 and 100.")
            .ValidateOnStart();
        return services.AddModuleDatabase<PatientsDbContext, PatientsInitializer>(configuration, PatientsDbContext.Schema)
            .AddScoped<PatientReads>();
    }

    public static IEndpointRouteBuilder MapPatientsEndpoints(this IEndpointRouteBuilder app)
    {
        var desk = app.MapGroup("").WithTags("Patients").RequireAuthorization(p => p.RequireRole(Roles.Receptionist, Roles.Practitioner));
        var clinical = app.MapGroup("").WithTags("Patients").RequireAuthorization(p => p.RequireRole(Roles.Practitioner));
        RegisterPatient.Map(desk);
        UpdatePatient.Map(desk);
        FindPatients.Map(desk);
        GetScreening.Map(desk, clinical);
        RecordScreening.Map(desk, clinical);
        ConfirmScreening.Map(desk);
        AnswerQuestions.Map(desk);
        // The whole record, sessions and complication reports included: practitioners, as for those.
        ExportPatientData.Map(clinical);
        ErasePatientData.Map(clinical);
        return app;
    }
}
