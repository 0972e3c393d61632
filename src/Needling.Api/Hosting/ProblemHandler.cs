using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Needling.SharedKernel.Errors;

namespace Needling.Api.Hosting;

/// <summary>
/// Turns every failure into RFC 9457 problem+json. Messages name the field or rule at fault and never
/// echo request values, which may be patient data.
/// </summary>
internal sealed class ProblemHandler(IProblemDetailsService problems, ILogger<ProblemHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            NeedlingException n => FromNeedling(n),
            BadHttpRequestException b => FromBadRequest(b),
            // A backstop: PostgreSQL cannot store U+0000 in text (22021); the query string is checked up front, a body's text may still carry one.
            Npgsql.PostgresException { SqlState: "22021" } or DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: "22021" } } => new ProblemDetails
            {
                Status = 400, Title = "Malformed request", Detail = "The text contains a character that cannot be stored (U+0000, the null character).",
            },
            // A record saved from a version someone else changed a moment ago (the UPDATE's WHERE found no such version).
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = 412, Title = "Changed since you read it",
                Detail = "Someone else changed this record a moment ago: read it again, check, and repeat your change with the new ETag.",
            },
            DbUpdateException => new ProblemDetails
            {
                Status = 409, Title = "Conflict",
                Detail = "The change clashes with one saved at the same moment (a duplicate or a concurrent edit). Reload and try again.",
            },
            _ => null,
        };
        if (problem is null)
        {
            // Type and stack only: the message of a driver exception can quote values.
            log.LogError("Unhandled {ExceptionType} at {StackTrace}", exception.GetType().FullName, exception.StackTrace);
            problem = new ProblemDetails { Status = 500, Title = "Internal error", Detail = "The server failed; nothing was saved. The error is logged with this trace id." };
        }
        http.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails FromNeedling(NeedlingException n)
    {
        var p = new ProblemDetails { Status = n.StatusCode, Title = n.Title, Detail = n.Message, Type = n.Type };
        foreach (var (key, value) in n.Extensions)
        {
            p.Extensions[key] = value;
        }
        return p;
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException b)
    {
        var json = FindJsonException(b);
        var detail = b.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? "The request body is larger than this service accepts."
            : json is not null
                ? $"The JSON body is not valid at {json.Path ?? "$"}: {Describe(json)}"
                : b.Message;
        return new ProblemDetails
        {
            Status = b.StatusCode,
            Title = b.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "Request too large",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
                _ => "Malformed request",
            },
            Detail = detail,
        };
    }

    private static JsonException? FindJsonException(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is JsonException j)
            {
                return j;
            }
        }
        return null;
    }

    // Rephrased from System.Text.Json's messages, which name internal type names; none quotes the value sent.
    private static string Describe(JsonException j)
    {
        if (j is InputFieldException)
        {
            return j.Message;
        }
        var m = j.Message;
        var missing = m.IndexOf("missing required properties including: ", StringComparison.Ordinal);
        if (missing >= 0)
        {
            return "missing required field(s): " + m[(missing + 39)..].Split(" Path:")[0].TrimEnd('.') + ".";
        }
        if (m.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "this field is not part of the request.";
        }
        if (m.Contains("could not be converted", StringComparison.Ordinal) || m.Contains("is invalid for", StringComparison.Ordinal))
        {
            return "wrong type or format for this field.";
        }
        if (m.Contains("null", StringComparison.OrdinalIgnoreCase) && m.Contains("nullab", StringComparison.OrdinalIgnoreCase))
        {
            return "this field must not be null.";
        }
        return "not valid JSON.";
    }
}
