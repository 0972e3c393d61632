using Testcontainers.MsSql;

namespace Needling.Api.Tests.Support;

/// <summary>
/// Where the SQL Server tests find a server, if anywhere: the connection string in NEEDLING_TEST_SQLSERVER (a login
/// that may create and drop databases), or else, where a Docker engine is present, a server that Testcontainers starts
/// once for the whole run. With neither, the SQL Server test classes are not discovered at all
/// (<see cref="NeedlingTestFramework"/>): they are not part of the run, neither passed nor skipped.
/// NEEDLING_TEST_SQLSERVER=off leaves them out even where Docker is present.
/// </summary>
public static class SqlServerTestServer
{
    public const string Variable = "NEEDLING_TEST_SQLSERVER";

    // The image Testcontainers' own documentation names; pulled on first use.
    private const string Image = "mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04";

    private static readonly Lazy<Task<string>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string? Configured => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value.Trim() : null;

    public static bool Available => Configured switch
    {
        "off" => false,
        null => DockerPresent,
        _ => true,
    };

    private static bool DockerPresent =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DOCKER_HOST")) || File.Exists("/var/run/docker.sock");

    /// <summary>A connection string to the server's master database, for creating and dropping test databases.</summary>
    public static Task<string> AdminConnectionStringAsync() =>
        Available ? Server.Value : throw new InvalidOperationException($"No SQL Server for the tests: set {Variable}, or run where a Docker engine is present.");

    private static async Task<string> StartAsync()
    {
        if (Configured is { } connectionString)
        {
            return connectionString;
        }
        var container = new MsSqlBuilder(Image).Build();
        await container.StartAsync();
        // Testcontainers' reaper removes it should the process die; on a normal exit it is stopped here.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return container.GetConnectionString();
    }
}
