using Microsoft.AspNetCore.Http.Features;

namespace Needling.Api.Hosting;

internal static class ProblemsSetup
{
    public static IServiceCollection AddNeedlingProblems(this IServiceCollection services, WebApplicationBuilder builder)
    {
        var maxBody = builder.Configuration.GetValue<long?>("Api:MaxRequestBodyBytes") ?? 1024 * 1024;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxBody);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
            // The W3C trace id when the request is traced (the same id as in the clinic's monitoring), else ASP.NET's own.
            c.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToHexString() ?? c.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemHandler>();
        services.AddSingleton(new BodyLimit(maxBody));
        return services;
    }

    public static WebApplication UseNeedlingProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseControlCharacterGuard();
        var limit = app.Services.GetRequiredService<BodyLimit>().Bytes;
        // Kestrel enforces the limit on a real socket; this also covers hosts that do not (the test server).
        app.Use((http, next) =>
        {
            if (http.Request.ContentLength > limit)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }
            return next(http);
        });
        return app;
    }

    private sealed record BodyLimit(long Bytes);
}
