using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Needling.Api.Hosting;

/// <summary>
/// The document-wide parts: the bearer scheme (Swagger UI's Authorize button) and the one error format every
/// operation answers with (RFC 9457 problem+json, with our extensions).
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string Bearer = "Bearer";
    public const string Problem = "ProblemDetails";
    public const string ValidationProblem = "ValidationProblemDetails";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Needling API";
        document.Info.Description = "Practice management for needling clinics. Errors are application/problem+json (RFC 9457); see docs/api.md.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token from POST /auth/token (or from the clinic's identity provider).",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = ProblemSchema(withErrors: false);
        document.Components.Schemas[ValidationProblem] = ProblemSchema(withErrors: true);
        return Task.CompletedTask;
    }

    private static OpenApiSchema ProblemSchema(bool withErrors)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI naming the kind of problem."),
            ["title"] = Text("A short summary of the kind of problem."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = Text("What was wrong, in plain words; never echoes patient data."),
            ["instance"] = Text("The path of the request."),
            ["traceId"] = Text("The W3C trace id of the request, to find it in the service's logs and traces."),
            ["ruleId"] = Text("For a refusal by a rule (422): the id of the rule that refused."),
            ["details"] = new OpenApiSchema { Description = "For a refusal by a rule: what the rule found (for bookings, every finding)." },
        };
        if (withErrors)
        {
            properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Per field (JSON name or path), what is wrong with it.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = withErrors ? "A problem with named fields (RFC 9457)." : "A problem (RFC 9457).",
            Properties = properties,
            AdditionalPropertiesAllowed = true,
        };
    }

    private static OpenApiSchema Text(string description) =>
        new() { Type = JsonSchemaType.String, Description = description };
}
