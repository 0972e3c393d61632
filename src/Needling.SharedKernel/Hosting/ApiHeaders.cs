using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Needling.SharedKernel.Concurrency;

namespace Needling.SharedKernel.Hosting;

/// <summary>
/// Headers an endpoint honours or answers with, as endpoint metadata: the host declares them in the OpenAPI
/// document, so that a generated client offers them (modules do not depend on the OpenAPI library).
/// </summary>
public sealed record RequestHeaderMetadata(string Name, string Description, bool Required = false);

/// <summary>A header the endpoint sends with the given status.</summary>
public sealed record ResponseHeaderMetadata(int Status, string Name, string Description);

public static class ApiHeaderExtensions
{
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>The endpoint stores its first answer per Idempotency-Key and gives it again to a retry.</summary>
    public static TBuilder HonoursIdempotencyKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestHeaderMetadata(IdempotencyKey,
            "Any unique string (a UUID) per intended request: a retry with the same key and body gets the first answer instead of acting twice; the same key with another body is refused (422). Kept 30 days (the retention setting)."));

    public const string IfMatch = "If-Match";
    public const string ETag = "ETag";

    /// <summary>
    /// An update of a versioned record: refused with 428 without If-Match and with 412 when it names a version that is
    /// no longer current (the handler checks, with <see cref="Preconditions"/>, once it has found the record: an
    /// unknown one is 404 first); the answer with <paramref name="status"/> carries the new ETag.
    /// </summary>
    public static RouteHandlerBuilder RequiresIfMatch(this RouteHandlerBuilder builder, int status = StatusCodes.Status200OK) =>
        builder
            .WithMetadata(new RequestHeaderMetadata(IfMatch,
                "The ETag of the version this change was made from (from the GET or the last write's answer). Without it: 428; when someone changed the record since: 412, read it again.",
                Required: true))
            .AnswersETag(status)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>If-Match is checked when sent (412 when stale) but not required; the answer carries the new ETag.</summary>
    public static RouteHandlerBuilder HonoursIfMatch(this RouteHandlerBuilder builder, int status = StatusCodes.Status200OK) =>
        builder
            .WithMetadata(new RequestHeaderMetadata(IfMatch,
                "Optional: the ETag of the version this change was made from; when someone changed the record since: 412."))
            .AnswersETag(status)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>The answer with <paramref name="status"/> carries the record's version as its ETag (for If-Match).</summary>
    public static RouteHandlerBuilder AnswersETag(this RouteHandlerBuilder builder, int status = StatusCodes.Status200OK) =>
        builder
            .AddEndpointFilter(async (context, next) =>
            {
                var result = await next(context);
                var value = result switch
                {
                    IValueHttpResult { Value: IVersionedResource v } => v,
                    INestedHttpResult { Result: IValueHttpResult { Value: IVersionedResource v } } => v,
                    _ => null,
                };
                if (value is not null)
                {
                    context.HttpContext.SetETag(value.Version);
                }
                return result;
            })
            .WithMetadata(new ResponseHeaderMetadata(status, ETag, "The record's version in quotes: send it back as If-Match to change the record."));
}
