using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Needling.Api.Commands;
using Needling.Api.Hosting;
using Needling.Clinic;

namespace Needling.Api.Tests.Support;

/// <summary>
/// The service as it runs for real, in-process but on a real loopback port (for a browser), with the "serve" verb so
/// it migrates and seeds on start, on a fresh SQLite database; an Admin and a Receptionist account.
/// </summary>
public sealed class LoopbackApp : IAsyncLifetime
{
    public const string Password = "correct-horse-battery";
    private TestDatabase? _db;
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(Provider.Sqlite);
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--environment", "Testing",
            "--Database:Provider=Sqlite", $"--Database:ConnectionString={_db.ConnectionString}", $"--Database:DataFolder={_db.DataFolder}",
            "--Auth:SigningKey=" + Convert.ToBase64String("needling-tests-signing-key-32-bytes!!"u8.ToArray()),
            "--Auth:SignInAttemptsPerMinute=100000", "--Logging:LogLevel:Default=Warning",
        ];
        try
        {
            _app = NeedlingApp.Build(args, CommandLine.Parse(args));
            await _app.StartAsync();
            BaseAddress = new Uri(_app.Urls.Single(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
            await ClinicModule.CreateAdminAsync(_app.Services, "admin", Password, CancellationToken.None);
            using var admin = await SignedIn("admin");
            await admin.PostOk("/staff", new { username = "reception", displayName = "Test Receptionist", password = Password, roles = new[] { "Receptionist" }, practitionerId = (Guid?)null });
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A client for the loopback address, not signed in (as a patient's phone is).</summary>
    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    /// <summary>A client signed in as the Receptionist.</summary>
    public Task<HttpClient> Desk() => SignedIn("reception");

    public async Task<HttpClient> SignedIn(string username)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/auth/token", new { username, password = Password });
        var token = (await response.Json(System.Net.HttpStatusCode.OK)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
        if (_db is not null)
        {
            await _db.DisposeAsync();
            _db = null;
        }
    }
}
