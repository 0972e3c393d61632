using Microsoft.AspNetCore.Builder;
using Needling.Clinic;
using Needling.Api.Hosting;

namespace Needling.Api.Commands;

/// <summary>The service's few commands. Anything that is not a command is passed on to the host (e.g. --urls).</summary>
internal sealed record CommandLine(string Verb, string? Username, string[] HostArgs)
{
    public bool RunsServer => Verb == "serve";

    public static CommandLine Parse(string[] args)
    {
        var verb = args.Length > 0 && args[0] is "migrate" or "create-admin" ? args[0] : "serve";
        var rest = verb == "serve" ? args : args[1..];
        string? username = null;
        var hostArgs = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == "--username" && i + 1 < rest.Length)
            {
                username = rest[++i];
            }
            else
            {
                hostArgs.Add(rest[i]);
            }
        }
        return new CommandLine(verb, username, hostArgs.ToArray());
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        switch (Verb)
        {
            case "migrate":
                await ModuleStartup.InitializeAsync(app.Services, migrate: true, demo: false, CancellationToken.None);
                Console.WriteLine("Database is migrated and seeded.");
                return 0;
            case "create-admin":
                return await CreateAdminAsync(app);
            default:
                await app.RunAsync();
                return 0;
        }
    }

    private async Task<int> CreateAdminAsync(WebApplication app)
    {
        if (string.IsNullOrWhiteSpace(Username))
        {
            await Console.Error.WriteLineAsync("Usage: Needling.Api create-admin --username NAME   (password from NEEDLING_ADMIN_PASSWORD or standard input)");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("NEEDLING_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password for the new admin (at least 12 characters): ");
            password = Console.ReadLine() ?? "";
        }
        await ModuleStartup.InitializeAsync(app.Services, migrate: true, demo: false, CancellationToken.None);
        try
        {
            await ClinicModule.CreateAdminAsync(app.Services, Username, password, CancellationToken.None);
        }
        catch (Needling.SharedKernel.Errors.NeedlingException ex)
        {
            var errors = ex switch
            {
                Needling.SharedKernel.Errors.ValidationException v => v.Errors,
                Needling.SharedKernel.Errors.UnprocessableInputException u => u.Errors,
                _ => null,
            };
            await Console.Error.WriteLineAsync(ex.Message + (errors is not null
                ? " " + string.Join(" ", errors.Select(e => $"{e.Key} {string.Join(" ", e.Value)}"))
                : ""));
            return 1;
        }
        Console.WriteLine($"Admin '{Username}' created. Sign in with POST /auth/token.");
        return 0;
    }
}
