using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Needling.Protocols.BodyAreas;
using Needling.Protocols.Data;
using Needling.Protocols.RuleSets;
using Needling.Protocols.Seed;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Security;

namespace Needling.Protocols;

/// <summary>The protocol catalogue and contraindication rules as versioned data, and the eligibility question.</summary>
public static class ProtocolsModule
{
    public static IServiceCollection AddProtocolsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<ProtocolsDbContext, ProtocolsInitializer>(configuration, ProtocolsDbContext.Schema);
        services.AddSingleton<RuleSetCache>();
        services.AddScoped<RuleSetStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapProtocolsEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("").WithTags("Rules").RequireAuthorization(p => p.RequireRole(Roles.All));
        var admin = app.MapGroup("").WithTags("Rules").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        ReadRuleSets.Map(staff);
        ReadBodyAreas.Map(staff);
        EditRules.Map(admin);
        return app;
    }
}
