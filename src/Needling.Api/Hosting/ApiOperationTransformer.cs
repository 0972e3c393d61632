using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Needling.SharedKernel.Hosting;

namespace Needling.Api.Hosting;

/// <summary>
/// What every operation shares, read from its endpoint's metadata: an id a client generator can name a method
/// after, who may call it (anonymous operations carry <c>security: []</c>), the headers it honours, and the
/// problem+json answers it can give.
/// </summary>
internal sealed partial class ApiOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var document = context.Document;
        var method = description.HttpMethod ?? "GET";
        var path = "/" + (description.RelativePath ?? "").TrimStart('/');
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();

        operation.OperationId ??= OperationId(method, path);
        operation.Security = anonymous
            ? []
            : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentTransformer.Bearer, document)] = [] }];

        foreach (var header in metadata.OfType<RequestHeaderMetadata>())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = header.Name, In = ParameterLocation.Header, Required = header.Required, Description = header.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
        }

        var hasBody = operation.RequestBody is not null;
        var hasInput = hasBody || operation.Parameters is { Count: > 0 };
        var writes = method is "POST" or "PUT" or "PATCH" or "DELETE";
        if (hasInput)
        {
            AddProblem(operation, document, 400, "The request is malformed or a field is invalid; `errors` names each field.", validation: true);
        }
        if (!anonymous)
        {
            AddProblem(operation, document, 401, "No valid token: sign in again.");
            AddProblem(operation, document, 403, "Signed in, but this role or account may not do this.");
        }
        if (path.Contains('{', StringComparison.Ordinal))
        {
            AddProblem(operation, document, 404, "What the path names does not exist (or the link has expired).");
        }
        if (writes)
        {
            // Any save can meet a change committed at the same moment (a unique key, a concurrent edit).
            AddProblem(operation, document, 409, "The change clashes with the current state or with a change saved at the same moment.");
        }
        if (hasBody)
        {
            AddProblem(operation, document, 413, "The body is larger than the service accepts.");
            AddProblem(operation, document, 415, "The body is not in a media type this operation accepts.");
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            var tooMany = AddProblem(operation, document, 429, "Too many attempts; wait the number of seconds in Retry-After.");
            tooMany.Headers ??= new Dictionary<string, IOpenApiHeader>();
            tooMany.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before trying again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            };
        }
        AddProblem(operation, document, 500, "The service failed; nothing was saved. The traceId finds it in the logs.");
        // Problems an endpoint declared itself (409, 422…): the shared schema, and words instead of the reason phrase.
        foreach (var (status, response) in operation.Responses!)
        {
            if (status != "400" && response is OpenApiResponse { Content: { } content } declared && content.ContainsKey("application/problem+json"))
            {
                content["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ApiDocumentTransformer.Problem, document) };
                declared.Description = status switch
                {
                    "422" => "Refused by a rule: `ruleId` names it, `detail` says why (for bookings and sessions, `details` lists every finding).",
                    _ => declared.Description,
                };
            }
        }

        foreach (var header in metadata.OfType<ResponseHeaderMetadata>())
        {
            if (operation.Responses?.TryGetValue(header.Status.ToString(CultureInfo.InvariantCulture), out var response) == true && response is OpenApiResponse r)
            {
                r.Headers ??= new Dictionary<string, IOpenApiHeader>();
                r.Headers[header.Name] = new OpenApiHeader { Description = header.Description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The problem answer for a status, unless the endpoint declared its own (a patient page answers HTML).
    /// An endpoint's own ProducesProblem is pointed at the shared schema and given a description.
    /// </summary>
    private static OpenApiResponse AddProblem(OpenApiOperation operation, OpenApiDocument? document, int status, string description, bool validation = false)
    {
        operation.Responses ??= [];
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses.TryGetValue(key, out var existing) && existing is OpenApiResponse declared
            && declared.Content?.Keys.Any(k => k != "application/problem+json") == true)
        {
            return declared;
        }
        var schema = new OpenApiSchemaReference(validation ? ApiDocumentTransformer.ValidationProblem : ApiDocumentTransformer.Problem, document);
        var response = existing as OpenApiResponse ?? new OpenApiResponse();
        response.Description = description;
        response.Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } };
        operation.Responses[key] = response;
        return response;
    }

    /// <summary>
    /// A stable, unique id from the method and route: GET /appointments/{id}/history → getAppointmentsByIdHistory.
    /// Method and route are unique per operation, so the ids are too.
    /// </summary>
    internal static string OperationId(string method, string path)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        // "{id:guid}" → "By-id", "{token}.ics" → "By-token.ics": then every word capitalised.
        var words = RouteParameter().Replace(path, m => "/By-" + m.Groups[1].Value + "/");
        foreach (var word in words.Split(['/', '-', '.', '$', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            id.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }
        return id.ToString();
    }

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
