using System.Diagnostics;

namespace Needling.Api.Hosting;

/// <summary>
/// Request paths carry secrets: a calendar feed's token and a patient's signing link are the path itself, and
/// whoever holds one reads a practitioner's diary or signs for a patient. ASP.NET Core logs raw paths (request
/// start and finish, route matching, static files) at Information and Debug, so those categories are held at
/// Warning whatever the configuration says, and this log takes their place: one line per request naming the
/// route template ("/calendar/{token}.ics"), never the path. A provider-specific level set for one of those
/// categories (Logging:Console:LogLevel:...) still overrides this; the runbook warns against it.
/// </summary>
internal static partial class RequestLog
{
    private static readonly string[] PathLoggingCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.Routing.Matching",
        "Microsoft.AspNetCore.StaticFiles",
    ];

    public static ILoggingBuilder HoldPathLoggingAtWarning(this ILoggingBuilder logging)
    {
        foreach (var category in PathLoggingCategories)
        {
            logging.AddFilter(category, LogLevel.Warning);
        }
        return logging;
    }

    public static WebApplication UseRequestLog(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Needling.Api.Requests");
        app.Use(async (http, next) =>
        {
            if (!log.IsEnabled(LogLevel.Information))
            {
                await next(http);
                return;
            }
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(http);
            }
            finally
            {
                var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
                Served(log, http.Request.Method, route, http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void Served(ILogger log, string method, string route, int statusCode, double elapsedMs);
}
