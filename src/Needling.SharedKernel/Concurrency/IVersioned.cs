namespace Needling.SharedKernel.Concurrency;

/// <summary>
/// A record staff edit. By convention (<c>UseModuleConventions</c>) <see cref="Version"/> is its concurrency token:
/// every UPDATE carries <c>WHERE version = @the version read</c>, and each save raises it
/// (<see cref="VersionInterceptor"/>). Its ETag is the version in quotes.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
