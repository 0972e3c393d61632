using Microsoft.AspNetCore.Routing;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Needling.Api.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics: requests, database calls, background jobs, documents rendered and e-mails sent.
/// Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard variables configure the rest);
/// off otherwise, at no cost. Patient data never goes into a span: request spans carry the route template instead of
/// the path (paths hold signing tokens), query values are redacted, exception messages are not recorded, and our own
/// spans carry only kinds, counts and outcomes.
/// </summary>
internal static class TelemetrySetup
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Tracing on with no exporter of ours (tests add an in-memory one): <c>Telemetry:Enabled=true</c>.</summary>
    public const string EnabledSetting = "Telemetry:Enabled";

    public static IServiceCollection AddNeedlingTelemetry(this IServiceCollection services, IConfiguration config)
    {
        var otlp = !string.IsNullOrWhiteSpace(config[EndpointVariable]);
        if (!otlp && !config.GetValue<bool>(EnabledSetting))
        {
            return services;
        }
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config["OTEL_SERVICE_NAME"] ?? "needling"))
            .WithTracing(t => t
                .AddSource("Needling.*")
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.RecordException = false;
                    o.EnrichWithHttpResponse = (activity, response) =>
                    {
                        var route = (response.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
                        activity.SetTag("url.path", route is null ? null : "/" + route.TrimStart('/'));
                    };
                })
                .AddNpgsql())
            .WithMetrics(m => m
                .AddMeter("Needling.*")
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation());
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }
        return services;
    }
}
