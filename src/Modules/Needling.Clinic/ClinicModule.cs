using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Needling.Clinic.Auth;
using Needling.Clinic.ClinicDetails;
using Needling.Clinic.Data;
using Needling.Clinic.Domain;
using Needling.Clinic.Practitioners;
using Needling.Clinic.Seed;
using Needling.Clinic.Staff;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Security;

namespace Needling.Clinic;

/// <summary>Clinic records: the clinic, staff sign-in, practitioners, rooms, devices and treatments.</summary>
public static class ClinicModule
{
    public static IServiceCollection AddClinicModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<ClinicDbContext, ClinicInitializer>(configuration, ClinicDbContext.Schema);
        services.AddSingleton<IPasswordHasher<StaffAccount>, PasswordHasher<StaffAccount>>();
        services.AddSingleton<ISecurityStamps, SecurityStamps>();
        services.AddSingleton(SignInLockout.From(configuration));
        return services;
    }

    public static IEndpointRouteBuilder MapClinicEndpoints(this IEndpointRouteBuilder app)
    {
        IssueToken.Map(app);
        var staff = app.MapGroup("").WithTags("Clinic").RequireAuthorization(p => p.RequireRole(Roles.All));
        var admin = app.MapGroup("").WithTags("Clinic").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        // An Admin's role alone does not open the trail: the account needs the auditor permission, carried in its token.
        var auditors = app.MapGroup("").WithTags("Audit").RequireAuthorization(p => p.RequireRole(Roles.Admin).RequireClaim(TokenClaims.Auditor, "true"));
        GetClinic.Map(staff);
        UpdateClinic.Map(admin);
        Closures.Map(admin);
        GetPractitioners.Map(staff);
        SavePractitioner.Map(admin);
        Rooms.Rooms.Map(staff, admin);
        Devices.Devices.Map(staff, admin);
        Treatments.Treatments.Map(staff, admin);
        CreateStaffAccount.Map(admin);
        UpdateStaffAccount.Map(admin);
        ListStaffAccounts.Map(admin);
        Audit.GetPatientAuditTrail.Map(auditors);
        return app;
    }

    /// <summary>The number of staff accounts, so the host can tell a newcomer how to sign in.</summary>
    public static async Task<int> CountStaffAccountsAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().StaffAccounts.CountAsync(ct);
    }

    /// <summary>Creates an Admin account: the `create-admin` command of a new installation.</summary>
    public static async Task CreateAdminAsync(IServiceProvider services, string username, string password, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await StaffAccounts.CreateAsync(sp.GetRequiredService<ClinicDbContext>(), sp.GetRequiredService<IPasswordHasher<StaffAccount>>(),
            username, username, password, [Roles.Admin], null, ct);
    }

    public const string DemoPassword = ClinicInitializer.DemoPassword;
}
