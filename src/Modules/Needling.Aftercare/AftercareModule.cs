using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Needling.Aftercare.Data;
using Needling.Aftercare.Mail;
using Needling.Aftercare.FollowUps;
using Needling.Aftercare.Links;
using Needling.Aftercare.Reminders;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Jobs;
using Needling.SharedKernel.Modules;
using Needling.SharedKernel.Outbox;
using Needling.SharedKernel.Security;

namespace Needling.Aftercare;

/// <summary>Aftercare: the sheet of each signed session in the patient's language, delivered by e-mail and by link; check-ins on day 2 and 7; complication reports.</summary>
public static class AftercareModule
{
    public static IServiceCollection AddAftercareModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<AftercareDbContext, AftercareInitializer>(configuration, AftercareDbContext.Schema);
        // Consumes SessionSigned (Sheets/PrepareSheetWhenSessionSigned): handled once each, recorded in this module's inbox.
        services.AddInbox<AftercareDbContext>();
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        if (string.IsNullOrWhiteSpace(configuration[$"{MailOptions.Section}:SmtpHost"]))
        {
            services.AddSingleton<FolderTransport>();
            services.AddSingleton<IMailTransport>(sp => new TracedTransport(sp.GetRequiredService<FolderTransport>(), "file"));
        }
        else
        {
            services.AddSingleton<SmtpTransport>();
            services.AddSingleton<IMailTransport>(sp => new TracedTransport(sp.GetRequiredService<SmtpTransport>(), "smtp"));
        }
        services.AddSingleton<SheetLinks>();
        services.AddSingleton<FollowUpLinks>();
        services.Configure<AftercareOptions>(configuration.GetSection(AftercareOptions.Section));
        services.AddScoped<FollowUpSchedule>();
        services.AddScoped<AppointmentReminders>();
        services.AddSingleton<DeliverySignal>();
        services.AddScoped<DeliveryQueue>();
        services.AddScoped<DeliverySender>();
        services.AddHostedService<DeliveryLoop>();
        services.AddRecurringWork<DeliveryWork>("aftercare-deliveries", "* * * * *");
        return services;
    }

    public static IEndpointRouteBuilder MapAftercareEndpoints(this IEndpointRouteBuilder app)
    {
        var desk = app.MapGroup("").WithTags("Aftercare").RequireAuthorization(p => p.RequireRole(Roles.Receptionist, Roles.Practitioner));
        SheetEndpoints.Map(desk);
        ComplicationReports.Map(app.MapGroup("").WithTags("Aftercare").RequireAuthorization(p => p.RequireRole(Roles.Practitioner)));
        PatientSheetPages.Map(app);
        FollowUpPages.Map(app);
        return app;
    }
}

internal sealed class AftercareInitializer(AftercareDbContext db) : ModuleInitializer<AftercareDbContext>(db)
{
    public override int Order => 50;
}
