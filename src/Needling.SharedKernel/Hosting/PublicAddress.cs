using Microsoft.Extensions.Configuration;

namespace Needling.SharedKernel.Hosting;

/// <summary>
/// The service's address as patients and their apps reach it, for every absolute link a module hands out (e-mailed
/// links, calendar subscriptions). One setting for all: <c>Mail:PublicBaseUrl</c>, where it has always been configured.
/// </summary>
public sealed class PublicAddress(IConfiguration configuration)
{
    public const string Key = "Mail:PublicBaseUrl";

    /// <summary>The same default as Aftercare's MailOptions.PublicBaseUrl, so both agree when it is not set.</summary>
    public const string Default = "http://localhost:5080";

    public string BaseUrl { get; } = (configuration[Key] is { Length: > 0 } url ? url : Default).TrimEnd('/');

    /// <summary>An absolute URL for a path of this service ("/calendar/…").</summary>
    public string Absolute(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);
}
