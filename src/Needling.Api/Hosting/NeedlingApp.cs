using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Needling.Aftercare;
using Needling.Api.Commands;
using Needling.Api.Jobs;
using Needling.Booking;
using Needling.Clinic;
using Needling.Consent;
using Needling.Fhir;
using Needling.Migrations.Sqlite;
using Needling.Patients;
using Needling.Protocols;
using Needling.Sessions;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Messaging;
using Needling.SharedKernel.Outbox;
using Needling.SharedKernel.Security;

namespace Needling.Api.Hosting;

internal static class NeedlingApp
{
    public static WebApplication Build(string[] args, CommandLine command)
    {
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        var config = builder.Configuration;
        builder.Logging.HoldPathLoggingAtWarning();

        services.Configure<DatabaseOptions>(config.GetSection(DatabaseOptions.Section));
        // Before anything below opens the database or reads a key: those files are created owner-only.
        var dataFiles = DataFolderPermissions.Secure(config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions());
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        // Singletons: both are stateless (the actor is read from the current request each time), and the
        // audit interceptor must be one for the modules' pooled DbContexts.
        services.AddSingleton<ICurrentActor, HttpCurrentActor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<ReadAudit>();
        services.AddSingleton<BulkWriteAudit>();

        services.AddClinicModule(config);
        services.AddPatientsModule(config);
        services.AddProtocolsModule(config);
        services.AddBookingModule(config);
        services.AddConsentModule(config);
        services.AddSessionsModule(config);
        services.AddAftercareModule(config);
        // Reads only, through the other modules' contracts: no database, nothing to migrate or seed.
        services.AddFhirModule(config);
        if ((config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).Provider == DatabaseProvider.Sqlite)
        {
            // Models compiled ahead of time: building five models from code at every start costs about 0.2-0.3 s
            // of CPU (docs/benchmarks.md, cold start). PostgreSQL and SQL Server keep building them: their models differ.
            services.AddSqliteCompiledModels();
        }
        services.AddMediatorFor(typeof(ClinicModule).Assembly, typeof(PatientsModule).Assembly, typeof(ProtocolsModule).Assembly, typeof(BookingModule).Assembly, typeof(ConsentModule).Assembly, typeof(SessionsModule).Assembly, typeof(AftercareModule).Assembly);
        // Facts in outboxes are stored by their stable names; these are the names this build can read back.
        EventTypes.Register(typeof(Needling.Contracts.EventNameAttribute).Assembly);
        services.AddNeedlingJobs(config, command.RunsServer);
        if (command.RunsServer)
        {
            services.AddHostedService<ModuleStartup>();
        }

        services.AddNeedlingAuth(config);
        services.AddNeedlingProblems(builder);
        services.AddNeedlingOpenApi();
        services.AddHealthChecks();
        services.AddNeedlingTelemetry(config);
        // Keys for signed links (consent) and antiforgery live with the data, so they survive restarts.
        services.AddDataProtection().SetApplicationName("Needling");
        services.PersistKeysOwnerOnly(config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions());
        services.AddNeedlingCors(config);
        services.ConfigureHttpJsonOptions(o =>
        {
            // Reject what a typo or a wrong client would otherwise slip through silently.
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.RespectRequiredConstructorParameters = true;
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // Numbers are numbers: "5" for an integer is a client's bug, and the API description then says integer, not integer-or-string.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            JsonDates.AddTo(o.SerializerOptions);
            o.SerializerOptions.TypeInfoResolver = JsonNoNullItems.AddTo(o.SerializerOptions.TypeInfoResolver);
        });

        var app = builder.Build();
        DataFolderPermissions.LogTightened(app.Logger, dataFiles);
        app.UseSecurityHeaders();
        app.UseRequestLog();
        app.UseNeedlingProblems();
        app.UseNeedlingCors(config);
        var openApi = OpenApiSetup.Enabled(config, app.Environment);
        if (openApi)
        {
            // Before authorization: the UI is static pages (no data), and the fallback policy would demand a token for it.
            app.UseSwaggerUI(o =>
            {
                o.SwaggerEndpoint(OpenApiSetup.DocumentPath, "Needling API");
                o.RoutePrefix = "swagger";
            });
        }
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseNeedlingJobsDashboard();

        if (openApi)
        {
            app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().ExcludeFromDescription();
        }
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();

        // One group around the modules, so that dates bound from a route or query string are checked everywhere.
        var api = app.MapGroup("");
        api.AddEndpointFilterFactory(InputGuards.DateParameters);
        api.MapClinicEndpoints();
        api.MapPatientsEndpoints();
        api.MapProtocolsEndpoints();
        api.MapBookingEndpoints();
        api.MapConsentEndpoints();
        api.MapSessionsEndpoints();
        api.MapAftercareEndpoints();
        api.MapFhirEndpoints();
        return app;
    }
}
