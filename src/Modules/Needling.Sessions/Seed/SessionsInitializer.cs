using Needling.Sessions.Data;
using Needling.SharedKernel.Modules;

namespace Needling.Sessions.Seed;

/// <summary>Sessions are recorded by practitioners; the demo clinic alone starts with a history (<see cref="DemoHistory"/>).</summary>
internal sealed class SessionsInitializer(SessionsDbContext db, DemoHistory demoHistory) : ModuleInitializer<SessionsDbContext>(db)
{
    public override int Order => 40;

    public override Task SeedAsync(bool demo, CancellationToken ct) => demo ? demoHistory.SeedAsync(ct) : Task.CompletedTask;
}
