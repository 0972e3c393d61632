namespace Needling.Api.Hosting;

/// <summary>
/// Browsers on other origins (a clinic's own web front end) may call the API only from the origins listed in
/// Cors:AllowedOrigins. None listed (the default): no CORS at all, so no answer carries Access-Control-Allow-Origin
/// and a browser keeps other sites' scripts from reading it. Bearer tokens, not cookies: no credentials mode.
/// </summary>
internal static class CorsSetup
{
    public const string Section = "Cors:AllowedOrigins";

    public static string[] AllowedOrigins(IConfiguration config) =>
        (config.GetSection(Section).Get<string[]>() ?? [])
            .Select(o => o.Trim().TrimEnd('/'))
            .Where(o => o.Length > 0)
            .ToArray();

    public static IServiceCollection AddNeedlingCors(this IServiceCollection services, IConfiguration config)
    {
        var origins = AllowedOrigins(config);
        if (origins.Length > 0)
        {
            services.AddCors(o => o.AddDefaultPolicy(p => p
                .WithOrigins(origins)
                .WithMethods("GET", "POST", "PUT", "DELETE")
                .WithHeaders("Authorization", "Content-Type", "If-Match", "Idempotency-Key")
                .WithExposedHeaders("ETag", "Location", "Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        }
        return services;
    }

    /// <summary>Before authentication: a preflight request carries no token, and the fallback policy would refuse it.</summary>
    public static WebApplication UseNeedlingCors(this WebApplication app, IConfiguration config)
    {
        if (AllowedOrigins(config).Length > 0)
        {
            app.UseCors();
        }
        return app;
    }
}
