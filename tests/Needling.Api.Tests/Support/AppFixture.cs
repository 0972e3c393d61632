using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Needling.Clinic;

namespace Needling.Api.Tests.Support;

/// <summary>The whole service on a fresh database of one provider, with signed-in clients per role.</summary>
public abstract class AppFixture(Provider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public CapturedLogs Logs { get; } = new();
    public TestClock Clock { get; } = new();

    public const string Password = "correct-horse-battery";
    private TestDatabase? _db;
    private readonly Dictionary<string, string> _tokens = new();
    private readonly SemaphoreSlim _signIn = new(1, 1);
    private readonly HashSet<string> _signedUp = [];

    public Provider Provider => provider;
    public TestDatabase Database => _db ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _ = Server; // start the host: migrations and seed run before the first request
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Database:DataFolder", Database.DataFolder);
        builder.UseSetting("Auth:SigningKey", Convert.ToBase64String("needling-tests-signing-key-32-bytes!!"u8.ToArray()));
        builder.UseSetting("Auth:SignInAttemptsPerMinute", "100000");
        builder.UseSetting("Api:MaxRequestBodyBytes", "65536");
        // Many test servers run at once on two cores: two Hangfire workers each, and retries (and scheduled jobs)
        // looked for every second instead of every five.
        builder.UseSetting("Jobs:Workers", "2");
        builder.UseSetting("Jobs:PollingSeconds", "1");
        // Captured at the configured levels; VerboseLogsApp turns everything up to Debug.
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            ConfigureServices(s);
        });
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Services a fixture variant adds (a test's own outbox consumer).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Settings a fixture variant adds (demo clinic, external issuer).</summary>
    protected virtual IEnumerable<(string Key, string Value)> ExtraSettings => [];

    public HttpClient Anonymous() => CreateClient();

    /// <summary>A client signed in with a staff account holding <paramref name="role"/> (created on first use).</summary>
    public async Task<HttpClient> As(string role, bool freshToken = false)
    {
        if (freshToken)
        {
            await _signIn.WaitAsync();
            _tokens.Remove(role);
            _signIn.Release();
        }
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenFor(role));
        return client;
    }

    /// <summary>
    /// Another instance of the service on the same database, as a second replica behind a load balancer
    /// would be: its own process state (caches, pools), the same configuration and signing key.
    /// </summary>
    public WebApplicationFactory<Program> AnotherInstance() => WithWebHostBuilder(_ => { });

    /// <summary>A client of <paramref name="instance"/> signed in with <paramref name="role"/>.</summary>
    public async Task<HttpClient> As(string role, WebApplicationFactory<Program> instance)
    {
        var client = instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenFor(role));
        return client;
    }

    private async Task<string> TokenFor(string role)
    {
        await _signIn.WaitAsync();
        try
        {
            if (_tokens.TryGetValue(role, out var cached))
            {
                return cached;
            }
            var username = role.ToLowerInvariant();
            if (_signedUp.Contains(role))
            {
                // the account exists; only the token is new (e.g. after the test clock moved past its expiry)
            }
            else if (role == "Admin")
            {
                await ClinicModule.CreateAdminAsync(Services, username, Password, CancellationToken.None);
            }
            else
            {
                using var admin = CreateClient();
                admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.GetValueOrDefault("Admin") ?? await SignInAdminUnlocked());
                var created = await admin.PostAsJsonAsync("/staff", new { username, displayName = $"Test {role}", password = Password, roles = new[] { role }, practitionerId = (Guid?)null });
                created.EnsureSuccessStatusCode();
            }
            _signedUp.Add(role);
            var token = await SignIn(username, Password);
            _tokens[role] = token;
            return token;
        }
        finally
        {
            _signIn.Release();
        }
    }

    private async Task<string> SignInAdminUnlocked()
    {
        await ClinicModule.CreateAdminAsync(Services, "admin", Password, CancellationToken.None);
        _signedUp.Add("Admin");
        return _tokens["Admin"] = await SignIn("admin", Password);
    }

    public async Task<string> SignIn(string username, string password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.AccessToken;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    private sealed record TokenResponse(string AccessToken);
}

public sealed class SqliteApp() : AppFixture(Provider.Sqlite);

/// <summary>Every log category at Debug, EF Core and ASP.NET Core included, to prove patient data stays out of logs.</summary>
public sealed class VerboseLogsApp() : AppFixture(Provider.Sqlite)
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
        [("Logging:LogLevel:Default", "Debug"), ("Logging:LogLevel:Microsoft.AspNetCore", "Debug"), ("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Debug"),
         ("Logging:LogLevel:Needling.Api.Requests", "Debug")];
}

/// <summary>The demo clinic, as a newcomer starts it with --Needling:Demo=true.</summary>
public sealed class DemoApp() : AppFixture(Provider.Sqlite)
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings => [("Needling:Demo", "true")];
}

public sealed class PostgresApp() : AppFixture(Provider.PostgreSql);

/// <summary>A deployment that migrates with a separate command: the service starts on an empty database.</summary>
public sealed class UnmigratedApp() : AppFixture(Provider.PostgreSql)
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings => [("Database:MigrateOnStart", "false")];
}

/// <summary>SQL Server, when one is available (<see cref="SqlServerTestServer"/>); otherwise its test classes are not discovered.</summary>
public sealed class SqlServerApp() : AppFixture(Provider.SqlServer), IRequiresSqlServer;

/// <summary>As <see cref="UnmigratedApp"/>, on SQL Server.</summary>
public sealed class UnmigratedSqlServerApp() : AppFixture(Provider.SqlServer), IRequiresSqlServer
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings => [("Database:MigrateOnStart", "false")];
}
