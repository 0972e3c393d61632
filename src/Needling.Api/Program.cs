using Needling.Api.Commands;
using Needling.Api.Hosting;

// `Needling.Api` serves the API; `Needling.Api migrate` applies migrations and exits;
// `Needling.Api create-admin --username NAME` creates the first Admin account. See README.md.
var command = CommandLine.Parse(args);
var app = NeedlingApp.Build(command.HostArgs, command);
return await command.RunAsync(app);

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
