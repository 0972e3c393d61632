namespace Needling.Api.Hosting;

/// <summary>
/// Headers on every answer, set just before it starts so that error answers (written by the exception handler after
/// it cleared the response) get them too. An endpoint that sets one of them itself keeps its own value: the patient
/// pages set their own Content-Security-Policy (nonces or hashes for exactly what they use).
/// <list type="bullet">
/// <item>Cache-Control: no-store. Nearly every answer carries patient data or is a patient's page (names, dates of
/// birth, clinical notes, calendar feeds, signing and aftercare links), and a shared or browser cache must keep none of
/// it. Only Swagger UI's static files (no data) are left to the cache.</item>
/// <item>Referrer-Policy: no-referrer. Patients' links carry their token in the path: a referrer would hand it on.</item>
/// <item>nosniff, no framing (X-Frame-Options and CSP frame-ancestors), and for everything that is not a page of its
/// own a CSP that allows nothing at all: a JSON answer opened in a browser runs nothing and loads nothing.</item>
/// <item>HSTS only on a request that came over TLS. Behind a proxy, the request counts as TLS only when forwarded
/// headers are enabled (ASPNETCORE_FORWARDEDHEADERS_ENABLED), so a client cannot claim TLS with a forged header.</item>
/// </list>
/// </summary>
internal static class SecurityHeaders
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";
    public const string HstsValue = "max-age=31536000";

    // Third-party pages with their own scripts and styles (Swagger UI, the Hangfire dashboard): framing denied, the rest theirs.
    private const string FrameOnlyPolicy = "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                Apply(http);
                return Task.CompletedTask;
            });
            return next(http);
        });

    private static void Apply(HttpContext http)
    {
        var h = http.Response.Headers;
        var path = http.Request.Path;
        var swagger = path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase);
        var thirdPartyPages = swagger || path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase);
        if (!swagger && string.IsNullOrEmpty(h.CacheControl))
        {
            h.CacheControl = "no-store";
        }
        SetIfAbsent(h, "X-Content-Type-Options", "nosniff");
        SetIfAbsent(h, "X-Frame-Options", "DENY");
        SetIfAbsent(h, "Referrer-Policy", "no-referrer");
        SetIfAbsent(h, "Content-Security-Policy", thirdPartyPages ? FrameOnlyPolicy : ApiPolicy);
        if (http.Request.IsHttps)
        {
            // No includeSubDomains: other hosts of the clinic's domain are not ours to pin to HTTPS.
            SetIfAbsent(h, "Strict-Transport-Security", HstsValue);
        }
    }

    private static void SetIfAbsent(IHeaderDictionary headers, string name, string value)
    {
        if (string.IsNullOrEmpty(headers[name]))
        {
            headers[name] = value;
        }
    }
}
