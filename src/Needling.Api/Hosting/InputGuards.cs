using System.Reflection;
using Needling.SharedKernel.Errors;

namespace Needling.Api.Hosting;

/// <summary>
/// Checks that apply to every endpoint before its handler runs: control characters in the path or query (a NUL
/// reaches PostgreSQL as an encoding error otherwise), and dates bound from the route or query string, held to the
/// same rules as <see cref="JsonDates"/> in bodies.
/// </summary>
internal static class InputGuards
{
    public static WebApplication UseControlCharacterGuard(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            // Routing picks this endpoint when no endpoint at the path accepts the body's content type. It would answer a
            // bare 415, and, having no AllowAnonymous, a 401 on the anonymous endpoints (sign-in, the patient's link).
            if (http.GetEndpoint()?.DisplayName == "415 HTTP Unsupported Media Type")
            {
                throw new BadHttpRequestException(
                    "The request body must be JSON, sent with Content-Type: application/json.", StatusCodes.Status415UnsupportedMediaType);
            }
            // The raw target as sent (the decoded path alone would hide an escaped %2F or a query's %00).
            var target = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
            return HasControl(http.Request.Path.Value) || HasControl(Uri.UnescapeDataString(http.Request.QueryString.Value ?? ""))
                || (target is not null && HasControl(Uri.UnescapeDataString(target)))
                ? throw new BadHttpRequestException("The path or query string contains a control character (such as %00); none is allowed there.")
                : next(http);
        });
        return app;
    }

    private static bool HasControl(string? s) => s is not null && (s.AsSpan().IndexOfAnyInRange('\0', '\u001F') >= 0 || s.Contains('\u007F'));

    /// <summary>Adds the date check to each endpoint that binds a date or time from its route or query string.</summary>
    public static EndpointFilterDelegate DateParameters(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var dates = context.MethodInfo.GetParameters()
            .Select((p, i) => (Parameter: p, Index: i, Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
            .Where(p => p.Type == typeof(DateTime) || p.Type == typeof(DateTimeOffset) || p.Type == typeof(DateOnly))
            .ToArray();
        if (dates.Length == 0)
        {
            return next;
        }
        return invocation =>
        {
            var v = new Validator();
            foreach (var (parameter, index, type) in dates)
            {
                var name = parameter.Name!;
                var raw = invocation.HttpContext.Request.RouteValues.TryGetValue(name, out var r) ? r?.ToString() : invocation.HttpContext.Request.Query[name].ToString();
                var year = invocation.Arguments[index] switch
                {
                    DateTime d => d.Year,
                    DateTimeOffset d => d.Year,
                    DateOnly d => d.Year,
                    _ => (int?)null,
                };
                v.Require(type == typeof(DateOnly) || string.IsNullOrEmpty(raw) || JsonDates.HasOffset(raw), name, "must be a date and time with an offset (Z or ±hh:mm).");
                v.Require(year is null || JsonDates.Problem(year.Value) is null, name, JsonDates.Problem(year ?? JsonDates.MinYear) ?? "");
            }
            v.ThrowIfInvalid();
            return next(invocation);
        };
    }
}
