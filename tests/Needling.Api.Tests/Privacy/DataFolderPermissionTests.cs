using System.Net;
using System.Runtime.Versioning;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Privacy;

/// <summary>
/// The data folder (SQLite database, Hangfire's store, token-signing key, data-protection keys) is the service user's
/// alone: folder 0700, files 0600; what a copy left wider is tightened at start, with a log line naming files only.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DataFolderPermissionTests
{
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
    private const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Folder0700 = File0600 | UnixFileMode.UserExecute;

    /// <summary>The service on SQLite in the given data folder, with no signing key configured (so the key file is used).</summary>
    private sealed class DataFolderApp(string folder) : WebApplicationFactory<Program>
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", "");
            builder.UseSetting("Database:DataFolder", folder);
            builder.UseSetting("Jobs:Workers", "1");
            builder.ConfigureLogging(l => l.AddProvider(Logs));
        }
    }

    private static async Task<DataFolderApp> StartAsync(string folder)
    {
        var app = new DataFolderApp(folder);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        // A data-protection key is written on first use (a patient's link): make sure there is one.
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x");
        return app;
    }

    private static void AssertOwnerOnly(string folder)
    {
        Assert.Equal(Folder0700, File.GetUnixFileMode(folder));
        Assert.Equal(Folder0700, File.GetUnixFileMode(Path.Combine(folder, "keys")));
        foreach (var name in new[] { "needling.db", "hangfire.db", "token-signing.key" })
        {
            Assert.True(File.Exists(Path.Combine(folder, name)), $"{name} exists");
        }
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "keys"), "*.xml"));
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
        {
            var mode = File.GetUnixFileMode(entry);
            Assert.True((mode & GroupOrOther) == 0, $"{Path.GetRelativePath(folder, entry)} is {Convert.ToString((int)mode, 8)}");
            Assert.Equal(Directory.Exists(entry) ? Folder0700 : File0600, mode & Folder0700);
        }
    }

    [Fact]
    public async Task A_new_data_folder_and_every_file_in_it_are_created_for_the_service_user_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var parent = Directory.CreateTempSubdirectory("needling-perm-").FullName;
        var folder = Path.Combine(parent, "data");
        try
        {
            await using (var app = await StartAsync(folder))
            {
                AssertOwnerOnly(folder);
                Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Data folder:", StringComparison.Ordinal));
            }
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public async Task Files_left_readable_by_others_are_tightened_at_start_with_a_log_line()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var folder = Directory.CreateTempSubdirectory("needling-perm-").FullName;
        try
        {
            // As a first start leaves it, then copied or restored with the usual umask: everything 0644 / 0755.
            await (await StartAsync(folder)).DisposeAsync();
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Append(folder))
            {
                File.SetUnixFileMode(entry, Directory.Exists(entry) ? Folder0700 | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
                    : File0600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }

            await using var app = await StartAsync(folder);
            AssertOwnerOnly(folder);
            var line = Assert.Single(app.Logs.Lines, l => l.Contains("Data folder:", StringComparison.Ordinal));
            Assert.StartsWith("Warning", line);
            Assert.Contains("token-signing.key", line);
            Assert.Contains("needling.db", line);
            Assert.Contains("hangfire.db", line);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
