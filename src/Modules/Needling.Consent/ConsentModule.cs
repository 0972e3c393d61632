using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Needling.Consent.Data;
using Needling.Consent.Requests;
using Needling.Consent.Seed;
using Needling.Consent.Signing;
using Needling.Consent.TemplateVersions;
using Needling.Consent.Validity;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Outbox;
using Needling.SharedKernel.Security;

namespace Needling.Consent;

/// <summary>Versioned consent forms, consent requests, signing (tablet or patient link), signed PDFs, validity and withdrawal.</summary>
public static class ConsentModule
{
    public static IServiceCollection AddConsentModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<ConsentDbContext, ConsentInitializer>(configuration, ConsentDbContext.Schema);
        services.Configure<ConsentOptions>(configuration.GetSection("Consent"));
        services.AddSingleton<SigningLinks>();
        services.AddScoped<SignConsent>();
        services.AddScoped<DemoConsent>();
        // Consumes Booking's facts (Integration/): handled once each, recorded in this module's inbox.
        services.AddInbox<ConsentDbContext>();
        // Publishes ConsentRequested (Aftercare e-mails the signing link).
        services.AddOutbox<ConsentDbContext>(ConsentDbContext.Schema);
        return services;
    }

    public static IEndpointRouteBuilder MapConsentEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("").WithTags("Consent").RequireAuthorization(p => p.RequireRole(Roles.All));
        var desk = app.MapGroup("").WithTags("Consent").RequireAuthorization(p => p.RequireRole(Roles.Receptionist, Roles.Practitioner));
        var admin = app.MapGroup("").WithTags("Consent").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        TemplateEndpoints.Map(staff, admin);
        RequestEndpoints.Map(desk);
        SigningEndpoints.Map(desk);
        PatientSigningEndpoints.Map(app);
        return app;
    }
}
