using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Needling.Sessions.Amending;
using Needling.Sessions.Data;
using Needling.Sessions.History;
using Needling.Sessions.Recording;
using Needling.Sessions.Seed;
using Needling.Sessions.Signing;
using Needling.Sessions.Starting;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Outbox;
using Needling.SharedKernel.Security;

namespace Needling.Sessions;

/// <summary>Treatment sessions: started after the checks at the chair, recorded, signed and locked, amended with a reason.</summary>
public static class SessionsModule
{
    public static IServiceCollection AddSessionsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<SessionsDbContext, SessionsInitializer>(configuration, SessionsDbContext.Schema);
        services.AddScoped<StartChecks>();
        services.AddScoped<RecordChecks>();
        services.AddScoped<SessionEvents>();
        services.AddScoped<DemoHistory>();
        // Publishes SessionSigned (Booking completes the appointment, Aftercare writes to the patient).
        services.AddOutbox<SessionsDbContext>(SessionsDbContext.Schema);
        return services;
    }

    public static IEndpointRouteBuilder MapSessionsEndpoints(this IEndpointRouteBuilder app)
    {
        // Clinical notes: practitioners only. Receptionists book (warnings included) but never override a warning.
        var practitioner = app.MapGroup("").WithTags("Sessions").RequireAuthorization(p => p.RequireRole(Roles.Practitioner));
        StartSession.Map(practitioner);
        SaveRecord.Map(practitioner);
        SignSession.Map(practitioner);
        AmendSession.Map(practitioner);
        GetSessions.Map(practitioner);
        return app;
    }
}
