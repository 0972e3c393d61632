using System.Reflection;
using Needling.Api.Tests.Support;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestFramework(typeof(NeedlingTestFramework))]

namespace Needling.Api.Tests.Support;

/// <summary>Marks a fixture (or a test class) that needs a SQL Server.</summary>
public interface IRequiresSqlServer;

/// <summary>
/// xUnit as usual, except that test classes needing a SQL Server (<see cref="IRequiresSqlServer"/>, themselves or
/// through a class fixture) are not discovered when none is available (<see cref="SqlServerTestServer.Available"/>).
/// They are then not part of the run at all: not reported as passed, and not as skipped either.
/// </summary>
public sealed class NeedlingTestFramework : XunitTestFramework
{
    private readonly string? _configFileName;

    public NeedlingTestFramework()
    {
    }

    public NeedlingTestFramework(string? configFileName)
        : base(configFileName) => _configFileName = configFileName;

    protected override ITestFrameworkDiscoverer CreateDiscoverer(Assembly assembly) =>
        new Discoverer(new XunitTestAssembly(assembly, _configFileName, assembly.GetName().Version));

    public static bool NeedsSqlServer(Type type) =>
        typeof(IRequiresSqlServer).IsAssignableFrom(type)
        || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>)
            && typeof(IRequiresSqlServer).IsAssignableFrom(i.GetGenericArguments()[0]));

    private sealed class Discoverer(IXunitTestAssembly assembly) : XunitTestFrameworkDiscoverer(assembly)
    {
        protected override Type[] GetExportedTypes() =>
            SqlServerTestServer.Available ? base.GetExportedTypes() : [.. base.GetExportedTypes().Where(t => !NeedsSqlServer(t))];
    }
}
