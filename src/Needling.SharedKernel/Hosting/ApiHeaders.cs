using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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
}
