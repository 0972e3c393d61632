using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Needling.Api.Hosting;

/// <summary>
/// The published API description. OpenAPI 3.0 rather than 3.1: the client generators clinics' integrators use
/// (NSwag 14 among them) read 3.0 fully and 3.1 only in part. Off in Production unless Api:OpenApi says so.
/// </summary>
internal static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddNeedlingOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            o.CreateSchemaReferenceId = SchemaName;
            o.AddDocumentTransformer<ApiDocumentTransformer>();
            o.AddOperationTransformer<ApiOperationTransformer>();
            // Enums travel as their names: say so, or generators read the values as numbers.
            o.AddSchemaTransformer((schema, _, _) =>
            {
                if (schema.Enum is { Count: > 0 } && schema.Type is null)
                {
                    schema.Type = schema.Enum.Any(v => v is null) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
                }
                return Task.CompletedTask;
            });
            // The strict date converters (JsonDates) hide these types from the schema exporter, which then describes
            // nothing: say what they are, as it would have.
            o.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                var underlying = Nullable.GetUnderlyingType(type);
                var format = (underlying ?? type) is var t && (t == typeof(DateTimeOffset) || t == typeof(DateTime)) ? "date-time" : t == typeof(DateOnly) ? "date" : null;
                if (format is not null)
                {
                    schema.Type = underlying is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
                    schema.Format = format;
                }
                return Task.CompletedTask;
            });
        });

    public static bool Enabled(IConfiguration config, IHostEnvironment environment) =>
        config.GetValue<bool?>("Api:OpenApi") ?? !environment.IsProduction();

    /// <summary>
    /// A unique, readable name per type: use cases nest their own <c>Request</c> and <c>Response</c>, so the
    /// enclosing class names them (BookAppointment.Request → BookAppointmentRequest). A name taken by two
    /// types would give one operation the other's body.
    /// </summary>
    internal static string? SchemaName(JsonTypeInfo info)
    {
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        if (name is null)
        {
            return null;
        }
        var type = info.Type;
        return type.IsNested && type.DeclaringType is { } outer && !name.StartsWith(outer.Name, StringComparison.Ordinal)
            ? outer.Name + name
            : name;
    }
}
